import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { SignatureConfig } from '../../common/types';
import type { HttpAnswer } from '../http/HttpAnswer';

/** Why a sender's check failed; the message names the check, never the expected value. */
export class SenderCheckFailure extends Error {}

/** A delivery as a sender's protocol sees it: the exact request, before anything is parsed. */
export interface SenderRequest {
  method: string;
  /** The URL the sender called (see `senderUrl`), for schemes that sign it. */
  url: string;
  /** A request header, '' when absent. */
  header(name: string): string;
  /** The query string's parameters; repeated ones as arrays. */
  query: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  contentType: string;
}

/** The sender's keys from `config.signature`, with `{{$env.NAME}}` already read. */
export interface SenderKeys {
  /** The workflow's `signature` settings as saved (secrets unread). */
  config: SignatureConfig;
  secret: string;
  publicKey: string;
  token: string;
  receiveId: string;
  toleranceSeconds: number;
  now: number;
}

/** A decrypted delivery: what is parsed, stored and replayed in place of the ciphertext. */
export interface Opened {
  body: Buffer;
  contentType: string;
}

/**
 * One sender's published webhook contract. `verify` is all most senders need; the others are
 * steps of the same request path where a sender has more to say.
 */
export interface SenderProtocol {
  /** A verification request sent as a GET before any delivery, answered ahead of the method check. */
  answerUrlCheck?(request: SenderRequest, keys: SenderKeys): HttpAnswer | null;
  /** Throws `SenderCheckFailure` unless the delivery is the sender's, unaltered and recent. */
  verify(request: SenderRequest, keys: SenderKeys): void;
  /** Decrypts an encrypted delivery (after `verify`). */
  open?(request: SenderRequest, keys: SenderKeys): Opened;
  /** A verification request among deliveries, read from the parsed body: answered, no run. */
  answerHandshake?(body: unknown, request: SenderRequest, keys: SenderKeys): HttpAnswer | null;
  /** The answer every delivery gets whatever the workflow says (DingTalk's encrypted "success"). */
  answerEvery?(keys: SenderKeys): HttpAnswer;
  /** A configuration problem found when the workflow is saved (a key that does not parse), or null. */
  checkConfig?(config: SignatureConfig): string | null;
}

/** Equal in constant time; buffers of different lengths are never equal. */
export function sameBytes(given: Buffer | null | undefined, expected: Buffer): boolean {
  return given != null && given.length === expected.length && timingSafeEqual(given, expected);
}

/** Equal text in constant time, whatever the lengths (both sides hashed first). */
export function sameText(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function hmac(algorithm: 'sha1' | 'sha256' | 'sha512', key: string | Buffer, ...parts: Array<string | Buffer>) {
  const mac = createHmac(algorithm, key);
  for (const part of parts) {
    mac.update(part);
  }
  return mac.digest();
}

/** Decodes a hex or base64 signature; null when it is not one. */
export function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | null {
  const value = text.trim();
  if (encoding === 'hex') {
    return /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : null;
  }
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : null;
}

/** Timestamps above this are taken as milliseconds. */
const MILLISECONDS_THRESHOLD = 1e12;

/** Refuses a missing, unreadable or stale timestamp (seconds or milliseconds since the epoch). */
export function checkTimestamp(timestamp: string | undefined, keys: Pick<SenderKeys, 'toleranceSeconds' | 'now'>) {
  if (!timestamp) {
    throw new SenderCheckFailure('Missing signature timestamp');
  }
  const value = Number(timestamp);
  if (!Number.isFinite(value)) {
    throw new SenderCheckFailure('Signature timestamp is not a number');
  }
  const seconds = value > MILLISECONDS_THRESHOLD ? value / 1000 : value;
  if (Math.abs(keys.now / 1000 - seconds) > keys.toleranceSeconds) {
    throw new SenderCheckFailure(`Signature timestamp is outside the tolerance of ${keys.toleranceSeconds} s`);
  }
}

/** Reads a required header, refusing its absence by name. */
export function requireHeader(request: SenderRequest, name: string): string {
  const value = request.header(name).trim();
  if (!value) {
    throw new SenderCheckFailure(`Missing signature header ${name}`);
  }
  return value;
}

/** Reads a required key, refusing (as a server-side problem) when the workflow has none. */
export function requireKey(keys: SenderKeys, name: keyof SenderKeys, label: string): string {
  const value = keys[name];
  if (typeof value !== 'string' || !value) {
    throw new SenderCheckFailure(`Signature cannot be verified: the ${label} is not set`);
  }
  return value;
}

/** The body as JSON, or null when it is not JSON (handshakes are JSON). */
export function jsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return null;
  }
}

export const jsonAnswer = (body: unknown, status = 200): HttpAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const textAnswer = (body: string, status = 200): HttpAnswer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body,
});
