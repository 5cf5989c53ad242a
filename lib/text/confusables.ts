import { Script } from './characters';
import { lazy } from './lazy';

/**
 * Letters that look alike in Latin, Cyrillic and Greek (after Unicode TR39's confusables), as
 * [Latin, Cyrillic, Greek], '' where a script has no look-alike. Case matters: Cyrillic "Н" passes
 * for "H", but "н" passes for nothing.
 */
const LOOKALIKES: readonly (readonly [string, string, string])[] = [
  ['a', 'а', 'α'],
  ['c', 'с', 'ϲ'],
  ['d', 'ԁ', ''],
  ['e', 'е', 'ε'],
  ['h', 'һ', ''],
  ['i', 'і', 'ι'],
  ['j', 'ј', 'ϳ'],
  ['k', '', 'κ'],
  ['l', 'ӏ', ''],
  ['o', 'о', 'ο'],
  ['p', 'р', 'ρ'],
  ['q', 'ԛ', ''],
  ['s', 'ѕ', ''],
  ['t', '', 'τ'],
  ['u', '', 'υ'],
  ['v', '', 'ν'],
  ['w', 'ԝ', ''],
  ['x', 'х', 'χ'],
  ['y', 'у', 'γ'],
  ['A', 'А', 'Α'],
  ['B', 'В', 'Β'],
  ['C', 'С', 'Ϲ'],
  ['E', 'Е', 'Ε'],
  ['H', 'Н', 'Η'],
  ['I', 'І', 'Ι'],
  ['I', 'Ӏ', ''],
  ['J', 'Ј', ''],
  ['K', 'К', 'Κ'],
  ['M', 'М', 'Μ'],
  ['N', '', 'Ν'],
  ['O', 'О', 'Ο'],
  ['P', 'Р', 'Ρ'],
  ['S', 'Ѕ', ''],
  ['T', 'Т', 'Τ'],
  ['W', 'Ԝ', ''],
  ['X', 'Х', 'Χ'],
  ['Y', 'У', 'Υ'],
  ['Z', '', 'Ζ'],
];

const COLUMNS = [Script.Latin, Script.Cyrillic, Script.Greek] as const;

function lookalikesInto(target: Script): Map<string, string> {
  const into = new Map<string, string>();
  const column = COLUMNS.indexOf(target as (typeof COLUMNS)[number]);
  for (const row of LOOKALIKES) {
    const replacement = row[column]!;
    if (!replacement) continue;
    for (const letter of row) if (letter && letter !== replacement && !into.has(letter)) into.set(letter, replacement);
  }
  return into;
}

const INTO: () => ReadonlyMap<Script, Map<string, string>> = lazy(() => new Map(COLUMNS.map((script) => [script, lookalikesInto(script)])));

/** The word with every letter that merely looks like a letter of `script` replaced by that letter. */
export function inScriptOf(word: string, script: Script): string {
  const into = INTO().get(script);
  if (!into) return word;
  let out = '';
  for (const ch of word) out += into.get(ch) ?? ch;
  return out;
}
