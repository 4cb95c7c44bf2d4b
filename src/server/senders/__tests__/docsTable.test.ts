import fs from 'fs';
import path from 'path';
import { SENDERS } from '../../../common/senders';

// The generator `npm run docs:senders` runs, in memory: the committed docs must be what it writes.
const docs: {
  generate(): Record<string, string>;
  loadSenders(): unknown;
} = require('../../../../scripts/senders-docs');

const root = path.resolve(__dirname, '../../../..');

/** The first line where two texts part, or null when they are the same. */
function firstDifference(committed: string, generated: string) {
  if (committed === generated) {
    return null;
  }
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return { line: at + 1, committed: a[at], generated: b[at], fix: 'npm run docs:senders' };
}

describe('the sender tables in the docs', () => {
  it('read the same catalogue the server is built from', () => {
    expect(docs.loadSenders()).toEqual(SENDERS);
  });

  it('are what `npm run docs:senders` writes from the catalogue, with a recipe per sender', () => {
    // generate() refuses a catalogue whose senders lack a recipe in docs/senders.md.
    const files = docs.generate();
    expect(Object.keys(files).sort()).toEqual(['README.md', 'docs/senders.md']);
    for (const [file, generated] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(root, file), 'utf8');
      expect({ file, difference: firstDifference(committed, generated) }).toEqual({
        file,
        difference: null,
      });
    }
  });

  it('link every sender from the README to its recipe', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const sendersDoc = fs.readFileSync(path.join(root, 'docs/senders.md'), 'utf8');
    for (const sender of SENDERS) {
      expect(readme).toContain(`| \`${sender.id}\` |`);
      expect(sendersDoc).toContain(`### ${sender.label}\n`);
      expect(sendersDoc).toContain(sender.docs);
    }
  });
});
