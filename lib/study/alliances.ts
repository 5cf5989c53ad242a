/**
 * Who in the article belongs to which alliance, as a table (the article's countries, parties and people
 * against the structures) and as a graph. Everything comes from the entities' dossiers; a person or party
 * is allied only through their country, and says so.
 */
import { formatSpan, statusLabel } from '../format';
import type { AllianceView, EntityRef, MembershipType, Source } from '../messages';
import { firstMention, type ArticleEntity } from './article';

/** One entity's standing in one structure. */
export interface AllianceCell {
  status: MembershipType;
  since?: string;
  until?: string;
  /** The country through which a person or party stands there. */
  via?: EntityRef;
  note?: string;
  source?: Source;
}

export interface AllianceColumn {
  structure: EntityRef;
  /** The article names the structure itself. */
  inArticle: boolean;
  /** Its acronym (CSTO, EAEU), when the article or its pack gives one: a narrow column heading. */
  short?: string;
}

export interface AllianceRow {
  entity: EntityRef;
  /** The country the row's memberships come through, for a person or party. */
  via?: EntityRef;
  /** One per column, null where the entity has no standing in that structure. */
  cells: (AllianceCell | null)[];
}

export interface AllianceMatrix {
  columns: AllianceColumn[];
  rows: AllianceRow[];
}

/** Kinds that can stand in a structure; places and events are left out, and structures are the columns. */
const ROW_KINDS = new Set(['country', 'party', 'person']);


/** The entities in the order the article first names them. */
export const inReadingOrder = (entities: ArticleEntity[]) => [...entities].sort((a, b) => firstMention(a) - firstMention(b));

/** When two records speak of the same pair, the one that ends, or is overridden by the other, loses. */
const PRECEDENCE: MembershipType[] = ['suspended', 'left', 'member_of', 'candidate_of', 'observer_of', 'partner_of'];

/**
 * Whether `a` describes the pair as it stands now better than `b`. A pack may keep a membership and its
 * suspension side by side (Armenia is formally a CSTO member whose participation is frozen), or a past
 * status beside the present one (Belarus an SCO observer, then a member): the open record wins, then the
 * later one, then the more specific status.
 */
function describesNow(a: AllianceView, b: AllianceView): boolean {
  if (!a.until !== !b.until) return !a.until;
  const since = (a.since ?? '').localeCompare(b.since ?? '');
  if (since !== 0) return since > 0;
  return PRECEDENCE.indexOf(a.status) < PRECEDENCE.indexOf(b.status);
}

function cellOf(view: AllianceView): AllianceCell {
  const { structure: _structure, ...cell } = view;
  return cell;
}

/** Two to six capitals, as an acronym is written (CSTO, EAEU, ОДКБ). */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The acronym the article writes for a structure, else the first its pack lists, if any. */
export function acronymOf(entity: ArticleEntity): string | undefined {
  const written = entity.mentions.map((m) => m.text.trim()).find((text) => ACRONYM.test(text));
  return written ?? entity.dossier?.entity.aliases.map((a) => a.text.trim()).find((text) => ACRONYM.test(text));
}

/** The article's countries, parties and people that belong somewhere, against the structures involved. */
export function allianceMatrix(entities: ArticleEntity[]): AllianceMatrix {
  const ordered = inReadingOrder(entities);
  const members = ordered
    .filter((e) => ROW_KINDS.has(e.kind) && e.dossier?.alliances.length)
    // Countries first: the people's rows repeat their country's memberships.
    .sort((a, b) => Number(b.kind === 'country') - Number(a.kind === 'country'));

  const structures = new Map<string, EntityRef>();
  const standings = members.map((entity) => {
    const byStructure = new Map<string, AllianceView>();
    for (const view of entity.dossier!.alliances) {
      structures.set(view.structure.id, view.structure);
      const known = byStructure.get(view.structure.id);
      if (!known || describesNow(view, known)) byStructure.set(view.structure.id, view);
    }
    return byStructure;
  });

  const named = ordered.filter((e) => structures.has(e.id));
  const others = [...structures.values()].filter((s) => !named.some((e) => e.id === s.id)).sort((a, b) => a.name.localeCompare(b.name));
  const columns: AllianceColumn[] = [
    ...named.map((e): AllianceColumn => {
      const short = acronymOf(e);
      return short ? { structure: structures.get(e.id)!, inArticle: true, short } : { structure: structures.get(e.id)!, inArticle: true };
    }),
    ...others.map((structure) => ({ structure, inArticle: false })),
  ];

  const rows = members.map((entity, i): AllianceRow => {
    const cells = columns.map(({ structure }) => {
      const view = standings[i]!.get(structure.id);
      return view ? cellOf(view) : null;
    });
    const via = cells.find((cell) => cell?.via)?.via;
    return { entity: { id: entity.id, name: entity.name, kind: entity.kind }, via, cells };
  });
  return { columns, rows };
}

/** Each country's standing once: the country's own row, or else the first row allied through it. */
export function countryStandings(matrix: AllianceMatrix): { country: EntityRef; cells: (AllianceCell | null)[] }[] {
  const seen = new Map<string, { country: EntityRef; cells: (AllianceCell | null)[] }>();
  for (const row of matrix.rows) {
    const country = row.entity.kind === 'country' ? row.entity : row.via;
    if (country && !seen.has(country.id)) seen.set(country.id, { country, cells: row.cells });
  }
  return [...seen.values()];
}

/**
 * A structure's name as it reads in a sentence. Names of several words take "the" (the European Union,
 * the Council of Europe, the Union State of Russia and Belarus); one-word names and acronyms do not
 * (NATO, BRICS).
 */
export function structureInSentence(name: string): string {
  return /\s/.test(name.trim()) ? `the ${name}` : name;
}

/** 'Armenia', 'Armenia and Belarus', 'Armenia, Belarus and Russia'. */
export function namesInSentence(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Marks a suspended membership beside its word, so that it stands out by more than colour. */
export const SUSPENDED_MARK = '⚠';

/** 'member since 2002', 'suspended since Feb 2024', 'left 1996–16 Mar 2022'. */
export function cellWords(cell: AllianceCell): string {
  const span = formatSpan(cell.since, cell.until);
  return [statusLabel(cell.status), span].filter(Boolean).join(' ');
}

/** How a standing reads after the entity's name: 'member of the EAEU since 2015'. */
function standingWords(cell: AllianceCell, structure: string): string {
  const span = formatSpan(cell.since, cell.until);
  const phrase: Record<MembershipType, string> = {
    member_of: `member of ${structure}`,
    observer_of: `observer of ${structure}`,
    partner_of: `partner of ${structure}`,
    candidate_of: `candidate for ${structure}`,
    suspended: `participation in ${structure} suspended`,
    left: `left ${structure}`,
  };
  return [phrase[cell.status], span].filter(Boolean).join(' ');
}

export interface GraphNode {
  id: string;
  name: string;
  kind: EntityRef['kind'];
  /** A structure (a column of the matrix) rather than a member. */
  structure: boolean;
  /** The article names it; only these can be opened from the graph. */
  inArticle: boolean;
  /** Everything its links say, for a screen reader. */
  description: string;
}

export type GraphLink =
  | { source: string; target: string; kind: 'membership'; status: MembershipType; since?: string; until?: string }
  /** A person or party to the country they are allied through. */
  | { source: string; target: string; kind: 'via' };

export interface AllianceGraph {
  nodes: GraphNode[];
  links: GraphLink[];
}

/**
 * The matrix as a graph: members and structures as nodes, a link from each country (or entity allied in
 * its own right) to each structure it stands in, and from each person or party to their country, so a
 * person's memberships are not drawn twice. A country only reached through a person joins as a node of
 * its own, not in the article. With `namedStructuresOnly`, only the structures the article names are drawn.
 */
export function allianceGraph(entities: ArticleEntity[], { namedStructuresOnly = false } = {}): AllianceGraph {
  const matrix = allianceMatrix(entities);
  const nodes = new Map<string, Omit<GraphNode, 'description'> & { says: string[] }>();
  const links = new Map<string, GraphLink>();
  const addNode = (ref: EntityRef, structure: boolean, inArticle: boolean) => {
    if (!nodes.has(ref.id)) nodes.set(ref.id, { ...ref, structure, inArticle, says: [] });
  };

  for (const row of matrix.rows) addNode(row.entity, false, true);
  for (const row of matrix.rows) {
    row.cells.forEach((cell, i) => {
      const { structure, inArticle } = matrix.columns[i]!;
      if (!cell || (namedStructuresOnly && !inArticle)) return;
      const owner = cell.via ?? row.entity;
      addNode(owner, false, false);
      addNode(structure, true, inArticle);
      if (cell.via) {
        const key = `${row.entity.id}>${cell.via.id}`;
        if (!links.has(key)) {
          links.set(key, { source: row.entity.id, target: cell.via.id, kind: 'via' });
          nodes.get(row.entity.id)!.says.push(`allied through ${cell.via.name}`);
        }
      }
      const key = `${owner.id}>${structure.id}`;
      if (links.has(key)) return;
      links.set(key, { source: owner.id, target: structure.id, kind: 'membership', status: cell.status, since: cell.since, until: cell.until });
      nodes.get(owner.id)!.says.push(standingWords(cell, structureInSentence(structure.name)));
      nodes.get(structure.id)!.says.push(`${owner.name}: ${cellWords(cell)}`);
    });
  }

  return {
    nodes: [...nodes.values()].map(({ says, ...node }) => ({ ...node, description: `${node.name}: ${says.join('; ')}` })),
    links: [...links.values()],
  };
}
