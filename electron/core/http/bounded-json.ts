/** How deep JSON may nest by default: far deeper than any record or IPC frame, far shallower than a stack. */
export const defaultMaxJsonDepth = 64;

export type BoundedJson =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'not-utf8' | 'not-json' | 'too-deep'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const quote = 0x22;
const backslash = 0x5c;
const openers = new Set([0x5b, 0x7b]);
const closers = new Set([0x5d, 0x7d]);

/**
 * Whether JSON text nests deeper than `maxDepth` arrays and objects. A byte scan that steps over
 * strings; it runs before JSON.parse, because V8 parses any depth but JSON.stringify, zod and
 * every recursive walk after it overflow the stack on the result. In UTF-8 the bytes of
 * quotes, backslashes and brackets never occur inside a multi-byte character, so bytes suffice.
 */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === backslash) i += 1;
      else if (byte === quote) inString = false;
    } else if (byte === quote) inString = true;
    else if (openers.has(byte)) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (closers.has(byte)) depth -= 1;
  }
  return false;
}

/** Parses a JSON body or frame: strict UTF-8, at most `maxDepth` deep; never throws. */
export function parseBoundedJson(input: Uint8Array | string, maxDepth = defaultMaxJsonDepth): BoundedJson {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (nestsDeeperThan(bytes, maxDepth)) {
    return { ok: false, reason: 'too-deep', message: `The JSON nests deeper than ${maxDepth} levels.` };
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : utf8.decode(input);
  } catch {
    return { ok: false, reason: 'not-utf8', message: 'The body is not valid UTF-8.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not-json', message: 'The body is not valid JSON.' };
  }
}
