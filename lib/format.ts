const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2024' → '2024', '2024-04' → 'Apr 2024', '2024-04-16' → '16 Apr 2024'. */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** 'since 1994', '1993–2009', 'until 2009' */
export function formatSpan(since?: string, until?: string): string {
  if (since && until) return `${formatDate(since)}–${formatDate(until)}`;
  if (since) return `since ${formatDate(since)}`;
  if (until) return `until ${formatDate(until)}`;
  return '';
}

export const KIND_LABELS: Record<string, string> = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  place: 'Place',
  party: 'Party',
  event: 'Event',
};

export const STATUS_LABELS: Record<string, string> = {
  member_of: 'member',
  observer_of: 'observer',
  partner_of: 'partner',
  candidate_of: 'candidate',
  suspended: 'suspended',
  left: 'left',
};

/** '1 mention', '7 mentions', '1,000 saved passages'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * `url` if it is a web address (http: or https:), else undefined: only these become links. A pack or
 * an import that slipped a `javascript:`, `data:` or `file:` URL past its checks is shown as text.
 */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
