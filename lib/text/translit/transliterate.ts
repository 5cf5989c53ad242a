import type { RomanisationSystem } from './system';

/** What the engine keeps of a table: its keys by kind, and how long the longest is. */
interface CompiledTable {
  readonly plain: ReadonlyMap<string, string>;
  readonly initial: ReadonlyMap<string, string>;
  readonly afterVowel: ReadonlyMap<string, string>;
  readonly final: ReadonlyMap<string, string>;
  readonly longest: number;
  readonly vowels: string;
  /** The system's alphabet: its plain one-letter keys. */
  readonly alphabet: ReadonlySet<string>;
}

const compiled = new WeakMap<RomanisationSystem, CompiledTable>();

function compile(system: RomanisationSystem): CompiledTable {
  let table = compiled.get(system);
  if (table) return table;
  const plain = new Map<string, string>();
  const initial = new Map<string, string>();
  const afterVowel = new Map<string, string>();
  const final = new Map<string, string>();
  let longest = 1;
  for (const [key, latin] of Object.entries(system.table)) {
    if (key.startsWith('^')) initial.set(key.slice(1), latin);
    else if (key.startsWith('<')) afterVowel.set(key.slice(1), latin);
    else if (key.endsWith('$')) final.set(key.slice(0, -1), latin);
    else plain.set(key, latin);
    longest = Math.max(longest, key.replace(/^[\^<]|\$$/u, '').length);
  }
  const alphabet = new Set([...plain.keys()].filter((key) => key.length === 1));
  table = { plain, initial, afterVowel, final, longest, vowels: system.vowels, alphabet };
  compiled.set(system, table);
  return table;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;
/** Apostrophes inside a word (Ukrainian м'ята, Belarusian сям'я): part of the word, spelled as the table says. */
const APOSTROPHES = /[\u2019\u02BC\u2032`´]/gu;

const isWordChar = (ch: string | undefined) => ch !== undefined && (LETTER.test(ch) || ch === "'");

/** Whether every Cyrillic letter of the text is in the system's alphabet. */
export function writtenIn(text: string, system: RomanisationSystem): boolean {
  const { alphabet } = compile(system);
  for (const ch of text.normalize('NFC').toLowerCase()) if (CYRILLIC.test(ch) && !alphabet.has(ch)) return false;
  return true;
}

/** One word (a run of letters and apostrophes) in lower case, spelled by the table. */
function spellWord(word: string, table: CompiledTable): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    let spelled: string | undefined;
    let length = 0;
    for (let n = Math.min(table.longest, word.length - i); n >= 1 && spelled === undefined; n--) {
      const run = word.slice(i, i + n);
      if (i === 0) spelled = table.initial.get(run);
      if (spelled === undefined && i > 0 && table.vowels.includes(word[i - 1]!)) spelled = table.afterVowel.get(run);
      if (spelled === undefined && i + n === word.length) spelled = table.final.get(run);
      spelled ??= table.plain.get(run);
      if (spelled !== undefined) length = n;
    }
    if (spelled === undefined) {
      // Not the table's (a Latin letter, a digit): kept as written, an apostrophe the table leaves alone dropped.
      if (word[i] !== "'") out += word[i];
      i++;
    } else {
      out += spelled;
      i += length;
    }
  }
  return out;
}

/** Capital first letter when the word began with one; all capitals kept for a word written in them. */
function withCaseOf(written: string, spelled: string): string {
  if (!spelled) return spelled;
  const letters = [...written].filter((ch) => LETTER.test(ch));
  if (letters.length > 1 && letters.every((ch) => ch === ch.toUpperCase() && ch !== ch.toLowerCase())) return spelled.toUpperCase();
  const first = letters[0];
  if (first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase()) {
    const head = String.fromCodePoint(spelled.codePointAt(0)!);
    return head.toUpperCase() + spelled.slice(head.length);
  }
  return spelled;
}

/**
 * The text spelled in Latin letters by the system: each word by its table (letters it does not know
 * kept as written), spaces, hyphens and punctuation between words as they are.
 */
export function transliterate(text: string, system: RomanisationSystem): string {
  const table = compile(system);
  const chars = [...text.normalize('NFC').replace(APOSTROPHES, "'")];
  let out = '';
  for (let i = 0; i < chars.length;) {
    if (!isWordChar(chars[i]) || (chars[i] === "'" && !LETTER.test(chars[i + 1] ?? ''))) {
      out += chars[i];
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isWordChar(chars[j]) && !(chars[j] === "'" && !LETTER.test(chars[j + 1] ?? ''))) j++;
    const word = chars.slice(i, j).join('');
    out += CYRILLIC.test(word) ? withCaseOf(word, spellWord(word.toLowerCase(), table)) : word;
    i = j;
  }
  return out;
}
