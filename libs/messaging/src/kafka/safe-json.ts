/** The deepest nesting of objects and arrays a consumed event may have; our contracts need fewer than ten levels. */
export const MAX_JSON_DEPTH = 64;

/** Keys that, copied onto an object by class-transformer or a spread, would reach its prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

export type SafeJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * The deepest nesting in a JSON text, counted on its bytes outside strings without parsing it, so a value nested
 * thousands of levels deep is refused before any recursive step (class-transformer, validators) can overflow the stack.
 * UTF-8 continuation bytes are all >= 0x80, so they never look like quotes or brackets.
 */
export const jsonNestingDepth = (bytes: Uint8Array): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      deepest = Math.max(deepest, ++depth);
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return deepest;
};

/** The path of the first prototype-polluting key anywhere in a parsed value, walked without recursion. */
export const findPrototypeKey = (value: unknown): string | undefined => {
  const pending: [unknown, string][] = [[value, '$']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, path] = next;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const childPath = Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`;
      if (!Array.isArray(node) && PROTOTYPE_KEYS.has(key)) return childPath;
      pending.push([(node as Record<string, unknown>)[key], childPath]);
    }
  }
  return undefined;
};

/** Parses untrusted JSON: bounded nesting, no prototype keys, never throws. */
export const parseUntrustedJson = (bytes: Uint8Array, maxDepth = MAX_JSON_DEPTH): SafeJson => {
  const depth = jsonNestingDepth(bytes);
  if (depth > maxDepth) return { ok: false, reason: `JSON nested ${depth} levels deep (at most ${maxDepth})` };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `unparseable JSON: ${(error as Error).message}` };
  }
  const prototypeKey = findPrototypeKey(value);
  if (prototypeKey) return { ok: false, reason: `forbidden key ${prototypeKey}` };
  return { ok: true, value };
};
