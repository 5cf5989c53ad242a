// The 1 MB article of the reading mode's bench (bench-reader.mjs): seeded prose that names starter-pack
// entities as the press writes them. The bench's own article pages (bench-data.mjs articlePage) name
// synthetic people of the bench packs, which the starter pack does not know.
import { articleShell, prng } from './bench-data.mjs';

/**
 * Starter-pack entities as the press writes them, each form an alias of the pack (public/packs/
 * post-soviet-politics.json), so that every mention written is one mark. People come in full on first
 * mention and by surname after, as in a real article.
 */
const PEOPLE = [
  ['Alexander Lukashenka', 'Lukashenka'],
  ['Kassym-Jomart Tokayev', 'Tokayev'],
  ['Nikol Pashinyan', 'Pashinyan'],
  ['Vladimir Putin', 'Putin'],
  ['Sergey Lavrov', 'Lavrov'],
  ['Sviatlana Tsikhanouskaya', 'Tsikhanouskaya'],
  ['Shavkat Mirziyoyev', 'Mirziyoyev'],
];
const ORGANISATIONS = ['CSTO', 'Collective Security Treaty Organization', 'Eurasian Economic Union', 'EAEU', 'Commonwealth of Independent States', 'Shanghai Cooperation Organisation'];
const COUNTRIES = ['Armenia', 'Kazakhstan', 'Belarus', 'Azerbaijan', 'Kyrgyzstan', 'Uzbekistan'];
const CITIES = ['Minsk', 'Astana', 'Yerevan', 'Moscow'];

/**
 * Neutral prose around the names: no word of it is an alias in the starter pack (no "Russian", no
 * "Union", no place names), so the names above are the article's only marks.
 */
const PROSE = {
  subjects: ['The ministry', 'A spokesperson', 'The delegation', 'Officials', 'Analysts', 'The committee', 'Several deputies', 'The secretariat', 'Observers', 'The working group'],
  verbs: ['discussed', 'welcomed', 'postponed', 'reviewed', 'questioned', 'approved', 'described', 'presented', 'defended', 'criticised'],
  objects: ['the draft agreement', 'the customs arrangements', 'a plan for joint exercises', 'the annual budget of the secretariat', 'the schedule of consultations', 'the rules on transit of goods', 'a proposal on air defence', 'the terms of the loan', 'the list of observers', 'the report on border incidents'],
  times: ['on Tuesday', 'late on Friday', 'earlier this week', 'last month', 'after two days of talks', 'at a press conference', 'in a written statement', 'before the summit'],
  clauses: ['although no date was given', 'according to people familiar with the talks', 'as negotiations entered a second week', 'citing the need for further consultations', 'which surprised some observers', 'while the details remained unclear'],
  quotes: ['We expect concrete steps, not promises', 'The door to dialogue remains open', 'It is too early to draw conclusions', 'Our partners understand our position', 'This is a question of mutual obligations'],
  headings: ['The summit', 'Obligations and doubts', 'Trade and transit', 'Reaction in the region', 'What comes next', 'Background'],
};

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An article page of about `bytes` bytes in which many paragraphs name starter-pack entities; seeded,
 * so every run reads the same page. Some names sit in links (the reading mode moves a link out of a
 * mark) or in bold. Returns the HTML and the mentions written.
 */
export function readerArticle(bytes, { title = 'Allies weigh their obligations as the CSTO meets in Minsk' } = {}) {
  const random = prng(0x2ead3 ^ bytes);
  let mentions = 0;
  const introduced = new Set();
  const person = () => {
    const [full, surname] = random.pick(PEOPLE);
    mentions++;
    // The full name on first mention, the surname (or, now and then, the full name again) after.
    const text = !introduced.has(full) || random.chance(0.2) ? full : surname;
    introduced.add(full);
    const r = random.next();
    if (r < 0.08) return `<a href="/people/${full.toLowerCase().replace(/[^a-z]+/g, '-')}">${escapeHtml(text)}</a>`;
    if (r < 0.12) return `<strong>${escapeHtml(text)}</strong>`;
    return escapeHtml(text);
  };
  const thing = (list) => {
    mentions++;
    return escapeHtml(random.pick(list));
  };
  // About one name in three sentences, as on the bench's own article pages (about 3,400 marks in 1 MB).
  const or = (p, name, otherwise) => (random.chance(p) ? name() : otherwise);
  const sentence = () => {
    switch (random.int(7)) {
      case 0:
        return `${or(0.5, person, random.pick(PROSE.subjects))} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}, ${random.pick(PROSE.clauses)}.`;
      case 1:
        return `“${random.pick(PROSE.quotes)},” ${or(0.4, person, 'a senior official')} said ${random.pick(PROSE.times)}.`;
      case 2:
        return `${random.pick(PROSE.subjects)} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} of the ${or(0.5, () => thing(ORGANISATIONS), 'secretariat')}.`;
      case 3:
        return `${random.pick(PROSE.subjects)} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)}, ${random.pick(PROSE.clauses)}.`;
      case 4:
        return `The two delegations met ${or(0.3, () => `in ${thing(CITIES)}`, 'in the capital')} to discuss ${random.pick(PROSE.objects)}.`;
      case 5:
        return `${or(0.4, () => thing(COUNTRIES), 'One member state')} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}.`;
      default:
        return `${random.pick(PROSE.subjects)} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}.`;
    }
  };
  const paragraph = () => `<p>${Array.from({ length: 3 + random.int(4) }, sentence).join(' ')}</p>`;

  const { head, tail } = articleShell(title, {
    style: 'body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem 1.5rem;color:#222}nav a{margin-right:1rem}',
    sections: ['world', 'politics', 'opinion'],
  });
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  let section = 0;
  while (size < bytes) {
    const html = random.chance(0.05) ? `<h2>${escapeHtml(PROSE.headings[section++ % PROSE.headings.length])}</h2>` : paragraph();
    parts.push(html, '\n');
    size += Buffer.byteLength(html) + 1;
  }
  parts.push(tail);
  return { html: parts.join(''), mentions };
}

