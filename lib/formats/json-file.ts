/**
 * Reading a JSON file someone else wrote — a pack, an annotation export — without letting its size or
 * shape hurt the page: the size is checked before a byte is read, the nesting before it is parsed.
 * Every refusal is a sentence that names the limit.
 */

export const MEGABYTE = 1024 * 1024;

/**
 * How deeply a file's objects and lists may nest. A pack nests five levels, a W3C annotation
 * collection about ten; a file nesting deeper is not one of them, and code that walks it (a validator,
 * a Choice of Choices) would run out of stack.
 */
export const MAX_JSON_DEPTH = 64;

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / MEGABYTE).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Why a file of `size` bytes is not read, when it is over `limit`: "is 100 MB, over the limit of 80 MB
 * for a pack file". `size` may be a text's length: a text of n characters takes at least n bytes.
 */
export function overSizeLimit(size: number, limit: number, what: string): string | undefined {
  if (size <= limit) return undefined;
  return `is ${megabytes(size)}, over the limit of ${megabytes(limit)} for ${what}; it was not read`;
}

/**
 * Where the text's objects and lists first nest deeper than `maxDepth` (a character offset), or -1.
 * Brackets inside strings do not count. One pass; a string is skipped with indexOf, which is most of
 * a pack's text.
 */
export function nestingTooDeep(text: string, maxDepth = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // To the closing quote: the next quote after an even run of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c /* \ */) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return -1; // an unterminated string: JSON.parse says so
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return -1;
}

/**
 * The text parsed, or why not: not JSON, or nested deeper than `maxDepth` (checked first, so that
 * nothing deeper is ever built). Never throws.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonRead {
  const deep = nestingTooDeep(text, maxDepth);
  if (deep >= 0) {
    return { ok: false, message: `nests objects or lists more than ${maxDepth} levels deep (at character ${deep.toLocaleString('en')}); it was not read` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // A RangeError (out of memory, too deep for an engine) is reported the same way: the file is not read.
    return { ok: false, message: `is not JSON: ${(error as Error).message}` };
  }
}
