/** Thrown inside the scan only: where the text stops being JSON. */
class StopsAt {
  constructor(readonly position: number) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPED = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]$/;

/** The index just past the string that starts at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '"') {
      return at + 1;
    }
    if (char < ' ') {
      throw new StopsAt(at);
    }
    if (char === '\\') {
      const escaped = text[at + 1];
      if (escaped === 'u') {
        for (let digit = at + 2; digit < at + 6; digit += 1) {
          if (!HEX.test(text[digit] ?? '')) {
            throw new StopsAt(Math.min(digit, text.length));
          }
        }
        at += 6;
        continue;
      }
      if (!ESCAPED.has(escaped)) {
        throw new StopsAt(Math.min(at + 1, text.length));
      }
      at += 2;
      continue;
    }
    at += 1;
  }
  throw new StopsAt(text.length);
}

/** The index just past the number, string or literal that starts at `start`. */
function scalarEnd(text: string, start: number): number {
  const char = text[start];
  if (char === '"') {
    return stringEnd(text, start);
  }
  for (const literal of ['true', 'false', 'null']) {
    if (char === literal[0]) {
      for (let offset = 0; offset < literal.length; offset += 1) {
        if (text[start + offset] !== literal[offset]) {
          throw new StopsAt(Math.min(start + offset, text.length));
        }
      }
      return start + literal.length;
    }
  }
  NUMBER.lastIndex = start;
  if (NUMBER.test(text)) {
    return NUMBER.lastIndex;
  }
  throw new StopsAt(start);
}

/**
 * Where a text stops being JSON, as a character offset, or -1 when it is JSON. A refusal names the
 * position instead of quoting the parser's message, which quotes the body (and a body may carry a
 * credential into the request log and the sender's logs). Scanned without recursion, so a body
 * nested thousands of levels deep cannot exhaust the stack.
 */
export function jsonErrorPosition(text: string): number {
  const open: string[] = [];
  let at = 0;
  let expecting: 'value' | 'value or ]' | 'key' | 'key or }' | 'after value' = 'value';
  const skipWhitespace = () => {
    while (at < text.length && WHITESPACE.has(text[at])) {
      at += 1;
    }
  };
  try {
    for (;;) {
      skipWhitespace();
      const char = text[at];
      if (expecting === 'after value') {
        const container = open[open.length - 1];
        if (!container) {
          return at === text.length ? -1 : at;
        }
        if (char === ',') {
          expecting = container === '{' ? 'key' : 'value';
        } else if (char === (container === '{' ? '}' : ']')) {
          open.pop();
        } else {
          return at;
        }
        at += 1;
      } else if (char === undefined) {
        return at;
      } else if (expecting === 'key' || expecting === 'key or }') {
        if (expecting === 'key or }' && char === '}') {
          open.pop();
          expecting = 'after value';
          at += 1;
          continue;
        }
        if (char !== '"') {
          return at;
        }
        at = stringEnd(text, at);
        skipWhitespace();
        if (text[at] !== ':') {
          return at;
        }
        expecting = 'value';
        at += 1;
      } else if (expecting === 'value or ]' && char === ']') {
        open.pop();
        expecting = 'after value';
        at += 1;
      } else if (char === '{' || char === '[') {
        open.push(char);
        expecting = char === '{' ? 'key or }' : 'value or ]';
        at += 1;
      } else {
        at = scalarEnd(text, at);
        expecting = 'after value';
      }
    }
  } catch (stop) {
    if (stop instanceof StopsAt) {
      return stop.position;
    }
    throw stop;
  }
}
