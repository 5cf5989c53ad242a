// The bench's synthetic knowledge bases and article pages. Everything comes from a seeded PRNG, so two
// runs (on two machines, or before and after a change) measure the same work.
//
// Every knowledge base is a prefix of one endless sequence of people: the first 100 entities of the
// 1,000 and 100,000 KBs are the same people, and the article pages name exactly those 100. So each page
// asks the same matching work of every KB; only how many of the names the KB knows, and how many
// other aliases share their lookup keys, changes with its size.

export const SEED = 0x6a7c3;
/** How many distinct people the pages name: entities 0 … PAGE_PEOPLE-1 of every KB. */
export const PAGE_PEOPLE = 100;

/** mulberry32: small, fast, good enough to scatter names; the same seed gives the same stream. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Given names from many languages, none of them an English word the prose could contain.
const GIVEN_NAMES = `Aleksandr Aleksei Anastasia Andrei Anna Anton Arkady Arman Arsen Artem Askar Aslan Bakhyt Bogdan
Boris Daniyar Darya Denis Dmitri Ekaterina Elena Elmira Emil Erlan Eduard Fyodor Gennady Georgi Gleb Gulnara Igor Ilya
Inna Irina Ivan Kirill Konstantin Ksenia Larisa Leonid Lyudmila Maksim Marat Margarita Maria Marina Mikhail Nadezhda
Natalia Nikolai Nina Nurlan Oksana Oleg Olga Pavel Polina Roman Ruslan Saule Sergei Svetlana Taras Timur Valentina
Vadim Valery Vasily Viktor Viktoria Vitaly Vladimir Vladislav Yaroslav Yekaterina Yelena Yulia Yuri Zarina Zurab
Agnieszka Aleksander Andrzej Bartosz Bronisław Czesław Dariusz Dorota Elżbieta Grzegorz Halina Jadwiga Janusz Jarosław
Jerzy Katarzyna Krzysztof Łukasz Małgorzata Mariusz Mirosław Paweł Piotr Radosław Stanisław Tadeusz Tomasz Wojciech
Zbigniew Zofia Ágnes Attila Balázs Bence Csaba Dániel Gábor Gergely Katalin Krisztina László Levente Márta Péter Szabolcs
Tamás Zoltán Zsófia Aurel Bogdana Corneliu Dorin Florin Ioana Ionuț Mihai Mircea Răzvan Sorin Teodora Valeriu Vlad
Andrius Aušra Dalia Gintaras Ingrida Jonas Kęstutis Rasa Vytautas Žygimantas Aivars Ilze Jānis Kristaps Laima Māris Raimonds
Sandra Valdis Zane Jaan Kadri Kersti Mart Priit Tiit Urmas Ülle Anahit Aram Armen Gohar Hovhannes Karen Lilit Narek
Tigran Vardan Giorgi Irakli Ketevan Levan Nino Shota Tamar Zviad Ahmad Bahrom Dilnoza Farrukh Gulnora Jahongir Kamola
Nodira Rustam Shavkat Sherzod Aibek Almazbek Asel Bermet Kubanych Nurbek Sadyr Ainura Emomali Firuz Khurshed Mahmadali
Ozoda Sarvar Zafar Batyr Gurbanguly Maral Serdar Jamila Kemal Leyla Mehmet Murat Selin Yusuf Zeynep Arda
Hakan Ilham Mehriban Ramiz Elnur Anar Ofelia Sevda Tural Bjørn Ingrid Kjetil Sigrid Torstein Åsa Gunnar Henrik Lars
Magnus Sven Annika Eeva Jussi Kaisa Matti Pekka Sanna Tuomas Ville Ilona`
  .split(/\s+/)
  .filter(Boolean);

const SURNAME_HEADS = `Ab Al Am An Ar As Av Az Bal Ban Bar Bas Bek Bel Ber Bog Bor Bul Chan Cher Chu Dan Dar Dem Dob Dor Dra Dub
Dur Fed Fil Gal Gar Ger Gol Gor Gra Gri Gul Gur Hal Har Hor Hul Il Is Kal Kar Kas Kaz Kir Kol Kor Kos Kov Kra Kuz Lav Leb
Lis Lom Lub Mak Mal Mar Mas Mel Mik Mir Mol Mor Nak Naz Nik Nov Ob Ol Or Os Pan Par Pet Pol Pop Pot Pro Rad Raz Rom Rud
Sab Sal Sav Sem Ser Shev Shul Sid Sok Sol Stan Step Sur Tar Ter Tik Tim Tol Tur Us Val Var Vas Vel Vin Vol Vor Yak Yar
Yer Zab Zak Zar Zel Zhu Zol`
  .split(/\s+/)
  .filter(Boolean);
const SURNAME_MIDDLES = `a ad al an ar as av ba da de di do e el en er es et i ib ik il in ir is iv ka ko la le li lo ma me mi mo na
ne ni no o ob od ol om on or os ov ra re ri ro sa se si so ta te ti to u ul un ur us va ve vi vo za ze zi`
  .split(/\s+/)
  .filter(Boolean);
const SURNAME_TAILS = `enko enka uk yuk chuk ov ova ev eva in ina sky ski ska vich vić ić ović wicz czyk iak escu eanu idis
opoulos oglu yan ian ashvili adze idze ava aev ayev ulin ulov ek ák ová ský nen inen son sen stein berg mann dorf tas is
aitis ius ajev bekov baev ov dze shvili dov tov`
  .split(/\s+/)
  .filter(Boolean);

/** Ordinary prose, in word banks; the page generator checks that no generated surname is one of them. */
const PROSE = {
  subjects: [
    'The ministry', 'The committee', 'A spokesman for the government', 'The opposition', 'Officials in the capital',
    'Analysts', 'The central bank', 'Diplomats', 'Several deputies', 'The regional governor’s office', 'Local journalists',
    'The electoral commission', 'A senior adviser', 'Trade unions', 'The foreign ministry', 'Investors', 'Observers',
    'The delegation', 'The court', 'Residents of the border towns', 'Farmers’ associations', 'The state broadcaster',
  ],
  verbs: [
    'announced', 'rejected', 'welcomed', 'criticised', 'postponed', 'confirmed', 'questioned', 'approved', 'denied',
    'described', 'signed', 'discussed', 'called for', 'warned about', 'defended', 'presented', 'reviewed', 'delayed',
  ],
  objects: [
    'the new budget', 'a draft law on public assemblies', 'the gas transit agreement', 'the customs reform',
    'a plan to raise pensions', 'the results of the referendum', 'the memorandum on energy cooperation',
    'the list of sanctioned companies', 'a proposal to extend the ceasefire', 'the visa-free regime',
    'the appointment of new judges', 'the election calendar', 'the privatisation of the steel plant',
    'talks on the railway corridor', 'the report of the audit chamber', 'a loan from the development bank',
    'the treaty on water sharing', 'the decision to close two independent newspapers', 'the grain export quota',
  ],
  times: [
    'on Tuesday', 'late on Friday', 'earlier this week', 'last month', 'after weeks of talks', 'in a televised address',
    'at a press conference', 'during the plenary session', 'in an interview published on Sunday', 'this morning',
    'before the summit', 'at the end of a two-day visit', 'shortly after midnight', 'in a written statement',
  ],
  places: [
    'in the capital', 'at the parliament building', 'in the eastern provinces', 'near the border crossing',
    'at the foreign ministry', 'in the port city', 'at the trade fair', 'in the industrial north', 'at the university',
  ],
  clauses: [
    'according to people familiar with the matter', 'although no date was given', 'as prices continued to rise',
    'despite objections from the regions', 'which surprised many observers', 'citing security concerns',
    'in a move seen as a concession to the opposition', 'as negotiations entered a second week',
    'while protesters gathered outside', 'amid reports of a cabinet reshuffle', 'after a sharp fall in exports',
  ],
  figures: [
    'inflation reached 9.4 per cent', 'turnout was just under 48 per cent', 'the deficit narrowed to 2.1 per cent of GDP',
    'more than 3,000 people signed the petition', 'exports of grain fell by a fifth', 'the currency lost 6 per cent against the euro',
    'the ruling party kept 71 of 110 seats', 'some 14,000 households were left without heating',
  ],
  quotes: [
    'We will not accept pressure from any side', 'This is a question of national security', 'The door to dialogue remains open',
    'Nobody has asked the people what they want', 'The figures speak for themselves', 'We expect concrete steps, not promises',
    'Our partners understand our position', 'It is too early to draw conclusions', 'The law will be applied to everyone equally',
  ],
  headings: [
    'Budget talks stall', 'A contested vote', 'Energy and transit', 'The view from the regions', 'Reaction abroad',
    'What happens next', 'Sanctions and trade', 'Courts and the press', 'Background', 'The security question',
    'Money and markets', 'Inside the ruling coalition',
  ],
  listLeads: ['Among those present were:', 'The working group includes:', 'The signatories were:', 'Those named in the report:'],
  roles: ['the deputy prime minister', 'the finance minister', 'the mayor', 'an opposition MP', 'the ambassador', 'the party’s leader',
    'the head of the central bank', 'a presidential adviser', 'the speaker of parliament', 'the energy minister'],
};

const PROSE_WORDS = new Set(
  Object.values(PROSE)
    .flat()
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean),
);

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A spelling as another transliteration would give it: Kovalenko → Kowalenko, Tarasov → Tarasoff. */
function variantSurname(surname) {
  const rules = [
    [/ov$/, 'off'], [/ev$/, 'eff'], [/enko$/, 'enka'], [/sky$/, 'ski'], [/ski$/, 'sky'], [/v/, 'w'], [/k/, 'c'],
    [/y/, 'i'], [/ch/, 'tch'], [/sh/, 'ch'], [/ia/, 'ya'], [/ć$/, 'c'], [/á/, 'a'],
  ];
  for (const [from, to] of rules) {
    const out = surname.replace(from, to);
    if (out !== surname) return out;
  }
  return `${surname}e`;
}

/**
 * The people of every bench KB, in order: `count` of them, each with a unique surname.
 * Entity i is the same person whatever `count` is.
 */
export function people(count) {
  const random = prng(SEED);
  const surnames = new Set();
  const out = [];
  while (out.length < count) {
    const given = random.pick(GIVEN_NAMES);
    const middle = random.chance(0.5) ? random.pick(SURNAME_MIDDLES) : '';
    const surname = random.pick(SURNAME_HEADS) + middle + random.pick(SURNAME_TAILS);
    const second = random.pick(GIVEN_NAMES);
    // Unique once folded: Prosky and Prośky would be one name to the matcher (and one id).
    const folded = slug(surname);
    if (surnames.has(folded) || PROSE_WORDS.has(folded) || second === given) continue;
    surnames.add(folded);
    const name = `${given} ${surname}`;
    out.push({
      id: slug(name),
      given,
      surname,
      name,
      // Three more ways the press writes them: the surname alone, with a second given name, another spelling.
      aliases: [surname, `${given} ${second} ${surname}`, `${given} ${variantSurname(surname)}`],
    });
  }
  return out;
}

const RELATION_TYPES = ['allied_with', 'partner_of'];

/** A knowledge pack of `count` people (pack.schema.json), two relations and one statement each. */
export function benchPack(count) {
  const persons = people(count);
  const random = prng(SEED ^ count);
  const entities = persons.map((p) => ({ id: p.id, kind: 'person', name: p.name, aliases: p.aliases }));
  const relations = [];
  const statements = [];
  persons.forEach((p, i) => {
    if (count > 1) {
      for (const [k, type] of RELATION_TYPES.entries()) {
        let j = k === 0 ? (i + 1) % count : random.int(count);
        if (j === i) j = (i + 1) % count;
        relations.push({ from: p.id, type, to: persons[j].id, since: `${2000 + random.int(25)}` });
      }
    }
    const year = 2015 + random.int(10);
    const month = String(1 + random.int(12)).padStart(2, '0');
    statements.push({
      entity: p.id,
      text: `${random.pick(PROSE.quotes)}, ${p.surname} said ${random.pick(PROSE.places)}, when asked about ${random.pick(PROSE.objects)}.`,
      kind: random.chance(0.5) ? 'quote' : 'paraphrase',
      date: `${year}-${month}`,
      source: { title: `${random.pick(PROSE.headings)} — The Bench Courier, ${year}-${month}` },
    });
  });
  return {
    format: 'backstory-pack',
    version: 1,
    id: `bench-${count}`,
    title: `Bench KB of ${count.toLocaleString('en')} people`,
    license: 'Synthetic data generated by scripts/bench.mjs',
    entities,
    relations,
    statements,
  };
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An article page of about `bytes` bytes naming the PAGE_PEOPLE first people: every one of them at
 * least once (in the first paragraphs), then more often the more prominent (a Zipf-like draw).
 * Names come as written in the press: full, surname alone, with a second given name, another spelling,
 * possessive; some in links or bold, some split across elements (<b>Given</b> Surname).
 * Returns the HTML and how many times each person was mentioned.
 */
export function articlePage(bytes, { title = 'Bench article' } = {}) {
  const random = prng(SEED ^ bytes);
  const persons = people(PAGE_PEOPLE);
  const mentions = new Array(PAGE_PEOPLE).fill(0);
  const firstRound = persons.map((_, i) => i).sort(() => random.next() - 0.5);
  const weights = persons.map((_, i) => 1 / (i + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const drawPerson = () => {
    if (firstRound.length) return firstRound.pop();
    let r = random.next() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) <= 0) return i;
    return weights.length - 1;
  };

  const nameHtml = () => {
    const i = drawPerson();
    mentions[i]++;
    const p = persons[i];
    const form = random.next();
    const r = random.next();
    if (form < 0.5) {
      if (r < 0.12) return `<a href="/people/${p.id}">${escapeHtml(p.name)}</a>`;
      if (r < 0.2) return `<strong>${escapeHtml(p.name)}</strong>`;
      if (r < 0.25) return `<b>${escapeHtml(p.given)}</b> ${escapeHtml(p.surname)}`;
      if (r < 0.28) return `<a href="/people/${p.id}">${escapeHtml(p.given)}</a> <em>${escapeHtml(p.surname)}</em>`;
      return escapeHtml(p.name);
    }
    if (form < 0.8) return r < 0.15 ? `<a href="/people/${p.id}">${escapeHtml(p.surname)}</a>` : escapeHtml(p.surname);
    if (form < 0.87) return escapeHtml(`${p.surname}’s`);
    if (form < 0.93) return escapeHtml(p.aliases[1]);
    return escapeHtml(p.aliases[2]);
  };
  const named = (p = 0.3) => (random.chance(p) ? nameHtml() : null);

  const sentence = () => {
    const role = random.pick(PROSE.roles);
    const subject = () => random.pick(PROSE.subjects);
    switch (random.int(9)) {
      case 0: {
        const who = named(0.35);
        return `${who ? `${who}, ${role},` : subject()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}.`;
      }
      case 1:
        return `${subject()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.places)}, ${random.pick(PROSE.clauses)}.`;
      case 2:
        return `“${random.pick(PROSE.quotes)},” said ${named(0.5) ?? role} ${random.pick(PROSE.times)}.`;
      case 3:
        return `Official figures showed that ${random.pick(PROSE.figures)}, ${random.pick(PROSE.clauses)}.`;
      case 4:
        return `${named(0.4) ?? subject()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)}, ${random.pick(PROSE.clauses)}.`;
      case 5: {
        const when = random.pick(PROSE.times);
        const who = named(0.4) ?? subject().toLowerCase();
        return `${when[0].toUpperCase()}${when.slice(1)}, ${who} met ${named(0.4) ?? role} ${random.pick(PROSE.places)} to discuss ${random.pick(PROSE.objects)}.`;
      }
      case 6:
        return `${subject()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)}; ${random.pick(PROSE.figures)}.`;
      case 7:
        return `Asked about ${random.pick(PROSE.objects)}, ${named(0.5) ?? role} replied that “${random.pick(PROSE.quotes).toLowerCase()}”.`;
      default:
        return `${subject()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}.`;
    }
  };
  const paragraph = () => {
    const parts = [];
    for (let n = 3 + random.int(4); n > 0; n--) parts.push(sentence());
    return `<p>${parts.join(' ')}</p>`;
  };
  const list = () => {
    const items = [];
    for (let n = 3 + random.int(3); n > 0; n--) items.push(`<li>${nameHtml()}, ${random.pick(PROSE.roles)}</li>`);
    return `<p>${random.pick(PROSE.listLeads)}</p>\n<ul>\n${items.join('\n')}\n</ul>`;
  };
  const quote = () => `<blockquote><p>“${random.pick(PROSE.quotes)}. ${random.pick(PROSE.quotes)}.”</p><footer>— ${nameHtml()}</footer></blockquote>`;

  const { head, tail } = articleShell(title, {
    style:
      'body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem 1.5rem;color:#222}nav a{margin-right:1rem}\n' +
      'blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#444}aside{font-size:.9em;background:#f4f4f4;padding:.5rem 1rem}',
    sections: ['politics', 'economy', 'world', 'opinion'],
  });
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const push = (html) => {
    parts.push(html, '\n');
    size += Buffer.byteLength(html) + 1;
  };
  // The first paragraphs name every person once, so even the 100 KB page holds all PAGE_PEOPLE names.
  while (firstRound.length) push(`<p>${nameHtml()} ${random.pick(PROSE.verbs)} ${random.pick(PROSE.objects)} ${random.pick(PROSE.times)}, ${random.pick(PROSE.clauses)}. ${sentence()}</p>`);
  let section = 0;
  while (size < bytes) {
    const r = random.next();
    if (r < 0.06) push(`<h2>${escapeHtml(PROSE.headings[section++ % PROSE.headings.length])}</h2>`);
    else if (r < 0.12) push(list());
    else if (r < 0.16) push(quote());
    else if (r < 0.19) push(`<aside><p>${sentence()} ${sentence()}</p></aside>`);
    else push(paragraph());
  }
  parts.push(tail);
  return { html: parts.join(''), mentions };
}

/**
 * The page around a generated article: a news site's header, navigation and footer, with the article's
 * title and byline; `head` ends where the article's sections go, `tail` closes the page.
 */
export function articleShell(title, { style, sections }) {
  const nav = ['<a href="/">Home</a>', ...sections.map((name) => `<a href="/${name}">${name[0].toUpperCase()}${name.slice(1)}</a>`)].join('');
  const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header><nav>${nav}</nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By the Bench Courier staff · Updated 12 March 2025</p>
`;
  const tail = `</article></main>
<footer><p>© The Bench Courier. Synthetic article generated for Backstory’s benchmark.</p></footer>
</body>
</html>
`;
  return { head, tail };
}
