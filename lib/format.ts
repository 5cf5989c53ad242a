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

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
