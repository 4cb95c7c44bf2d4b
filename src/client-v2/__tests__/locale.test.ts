import fs from 'fs';
import path from 'path';
import { SENDERS } from '../../common/senders';

const ROOT = path.resolve(__dirname, '..', '..');
const LOCALES = ['en-US', 'zh-CN'];

function readLocale(name: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'locale', `${name}.json`), 'utf8'));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__tests__' ? [] : sourceFiles(full);
    }
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every literal key passed to `t(…)` or `tExpr(…)` in the client code. */
function keysInSource(): Set<string> {
  const keys = new Set<string>();
  const call = /\b(?:t|tExpr)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (const file of [...sourceFiles(path.join(ROOT, 'client-v2')), ...sourceFiles(path.join(ROOT, 'client'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      keys.add((match[1] ?? match[2]).replace(/\\(.)/g, '$1'));
    }
  }
  return keys;
}

/** The sender catalogue's names and sentences, which the form translates as data (`t(sender.checks)`). */
function catalogueKeys(): Set<string> {
  const keys = new Set<string>();
  for (const sender of SENDERS) {
    keys.add(sender.label);
    keys.add(sender.checks);
    if ('handshake' in sender) {
      keys.add(sender.handshake);
    }
    for (const field of sender.fields) {
      keys.add(field.label);
      keys.add(field.where);
    }
  }
  return keys;
}

describe('locales', () => {
  const english = readLocale('en-US');

  it.each(LOCALES)('%s is flat, sorted and has the same keys as en-US', (name) => {
    const locale = readLocale(name);
    const keys = Object.keys(locale);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(Object.keys(english));
    for (const value of Object.values(locale)) {
      expect(typeof value).toBe('string');
      expect(value.trim()).not.toBe('');
    }
  });

  it('en-US is keyed by its own English text', () => {
    for (const [key, value] of Object.entries(english)) {
      expect(value).toBe(key);
    }
  });

  it('translates every text the client shows, and nothing else', () => {
    const used = [...new Set([...keysInSource(), ...catalogueKeys()])].sort();
    expect(used.length).toBeGreaterThan(20);
    expect(Object.keys(english)).toEqual(used);
  });

  it('translates every name and sentence of the sender catalogue into zh-CN', () => {
    const zh = readLocale('zh-CN');
    expect([...catalogueKeys()].filter((key) => !zh[key]?.trim())).toEqual([]);
  });

  it('keeps interpolations in translations', () => {
    const zh = readLocale('zh-CN');
    for (const key of Object.keys(english)) {
      const names = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
      expect(names(zh[key])).toEqual(names(key));
    }
  });
});
