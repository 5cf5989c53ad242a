/**
 * Questions a student can answer from the article and its glossary, each built from one fact of the
 * knowledge base and answered with that fact and its source: nothing is inferred or made up.
 */
import { formatDate, formatSpan } from '../format';
import type { MembershipType, Source } from '../messages';
import { allianceMatrix, countryStandings, inReadingOrder, namesInSentence, structureInSentence, type AllianceCell, type AllianceMatrix } from './alliances';
import type { ArticleEntity } from './article';

export interface StudyQuestion {
  question: string;
  answer: string;
  sources: Source[];
}

/** Enough for a lesson; the order below puts the article's alliances before its people. */
const MAX_QUESTIONS = 12;


function distinctSources(sources: (Source | undefined)[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s): s is Source => {
    if (!s) return false;
    const key = `${s.title}\n${s.url ?? ''}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

const withSpan = (name: string, cell: AllianceCell) => {
  const span = formatSpan(cell.since, cell.until);
  return span ? `${name} (${span})` : name;
};

const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The countries standing in column `i` of the matrix with that status. */
function standing(matrix: AllianceMatrix, i: number, status: MembershipType) {
  return countryStandings(matrix).flatMap(({ country, cells }) => (cells[i]?.status === status ? [{ country, cell: cells[i]! }] : []));
}

/** One question per structure in which some of the countries hold that status. */
function statusQuestions(matrix: AllianceMatrix, status: MembershipType, ask: (structure: string) => string): StudyQuestion[] {
  return matrix.columns.flatMap(({ structure }, i) => {
    const found = standing(matrix, i, status);
    if (!found.length) return [];
    const notes = found.flatMap(({ cell }) => (cell.note ? [asSentence(cell.note)] : []));
    return [{
      question: ask(structureInSentence(structure.name)),
      answer: [`${namesInSentence(found.map(({ country, cell }) => withSpan(country.name, cell)))}.`, ...notes].join(' '),
      sources: distinctSources(found.map(({ cell }) => cell.source)),
    }];
  });
}

/** Which countries belong to each structure the article names; suspended members are told apart. */
function memberQuestions(matrix: AllianceMatrix): StudyQuestion[] {
  return matrix.columns.flatMap(({ structure, inArticle }, i) => {
    if (!inArticle) return [];
    const members = standing(matrix, i, 'member_of');
    const suspended = standing(matrix, i, 'suspended');
    if (!members.length) return [];
    const answer = [`${namesInSentence(members.map(({ country, cell }) => withSpan(country.name, cell)))}.`];
    if (suspended.length) {
      const names = namesInSentence(suspended.map(({ country, cell }) => withSpan(country.name, cell)));
      answer.push(`Participation suspended: ${names}.`);
    }
    return [{
      question: `Which of the countries in this article are members of ${structureInSentence(structure.name)}?`,
      answer: answer.join(' '),
      sources: distinctSources([...members, ...suspended].map(({ cell }) => cell.source)),
    }];
  });
}

/** Who holds which office now, as of the dossier's date; a title asked once. */
function roleQuestions(entities: ArticleEntity[]): StudyQuestion[] {
  const asked = new Set<string>();
  return entities.flatMap((entity): StudyQuestion[] => {
    const dossier = entity.dossier;
    const role = dossier?.currentRole;
    if (entity.kind !== 'person' || !dossier || !role) return [];
    const asOf = dossier.entity.asOf ? ` (as of ${formatDate(dossier.entity.asOf)})` : '';
    const sources = distinctSources(dossier.entity.sources ?? []);
    if (role.since && !asked.has(role.title)) {
      asked.add(role.title);
      return [{
        question: `Who has been ${role.title} since ${role.since.slice(0, 4)}?`,
        answer: `${entity.name}, ${formatSpan(role.since)}${asOf}.`,
        sources,
      }];
    }
    return [{
      question: `What is ${entity.name}'s role${asOf}?`,
      answer: `${role.title}${role.since ? ` (${formatSpan(role.since)})` : ''}.`,
      sources,
    }];
  });
}

/**
 * Up to a dozen questions, in a fixed order: suspended and ended memberships, then who belongs to the
 * structures the article names, then the current offices of the people it names (in reading order).
 */
export function studyQuestions(entities: ArticleEntity[]): StudyQuestion[] {
  const ordered = inReadingOrder(entities);
  const matrix = allianceMatrix(ordered);
  return [
    ...statusQuestions(matrix, 'suspended', (s) => `Which of the countries in this article suspended its participation in ${s}, and since when?`),
    ...statusQuestions(matrix, 'left', (s) => `Which of the countries in this article left ${s}, and when?`),
    ...memberQuestions(matrix),
    ...roleQuestions(ordered),
  ].slice(0, MAX_QUESTIONS);
}
