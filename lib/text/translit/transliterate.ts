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
/** Apostrophes inside a word (Ukrainian м'ята, Belarusian сям'я): part of the word, spelled as the table says. */
const APOSTROPHES = /[\u2019\u02BC\u2032`´]/gu;

/** The distinct Cyrillic letters of a text, in lower case (to test against several systems' alphabets). */
export function cyrillicLettersOf(text: string): Set<string> {
  const letters = new Set<string>();
  for (const ch of text.normalize('NFC').toLowerCase()) if (CYRILLIC.test(ch)) letters.add(ch);
  return letters;
}

/** Whether every Cyrillic letter of the text (or of cyrillicLettersOf's set) is in the system's alphabet. */
export function writtenIn(text: string | ReadonlySet<string>, system: RomanisationSystem): boolean {
  const { alphabet } = compile(system);
  for (const ch of typeof text === 'string' ? cyrillicLettersOf(text) : text) if (!alphabet.has(ch)) return false;
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

const isUpper = (ch: string) => ch !== ch.toLowerCase();

/** Capital first letter when the word began with one; all capitals kept for a word written in them. */
function withCaseOf(written: string, spelled: string): string {
  if (!spelled || !isUpper(written[0]!)) return spelled;
  if (written.length > 1 && written === written.toUpperCase()) return spelled.toUpperCase();
  const head = String.fromCodePoint(spelled.codePointAt(0)!);
  return head.toUpperCase() + spelled.slice(head.length);
}

/** Words (runs of letters, with apostrophes between letters) and what stands between them. */
const WORDS = /(\p{L}+(?:'\p{L}+)*)/u;

/**
 * The text spelled in Latin letters by the system: each word by its table (letters it does not know
 * kept as written), spaces, hyphens and punctuation between words as they are.
 */
export function transliterate(text: string, system: RomanisationSystem): string {
  const table = compile(system);
  const pieces = text.normalize('NFC').replace(APOSTROPHES, "'").split(WORDS);
  let out = '';
  // split() with a capturing group alternates: text between words (even indexes), words (odd).
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    out += i % 2 === 1 && CYRILLIC.test(piece) ? withCaseOf(piece, spellWord(piece.toLowerCase(), table)) : piece;
  }
  return out;
}
