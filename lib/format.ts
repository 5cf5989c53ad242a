import { formatPartialDate, t, type Key } from './i18n';

/** '2024' → '2024', '2024-04' → 'April 2024', '2024-04-16' → '16 Apr 2024', in the reader's language (Intl). */
export function formatDate(date: string | undefined): string {
  return formatPartialDate(date);
}

/** 'since 1994', '1993–2009', 'until 2009' */
export function formatSpan(since?: string, until?: string): string {
  if (since && until) return t('span.between', { since: formatDate(since), until: formatDate(until) });
  if (since) return t('span.since', { since: formatDate(since) });
  if (until) return t('span.until', { until: formatDate(until) });
  return '';
}

export const ENTITY_KIND_NAMES = ['person', 'organization', 'country', 'place', 'party', 'event'] as const;
export const RELATION_STATUS_NAMES = ['member_of', 'observer_of', 'partner_of', 'candidate_of', 'suspended', 'left'] as const;

/** 'Person', 'Организация'…; an unknown kind as it is. */
export function kindLabel(kind: string): string {
  return (ENTITY_KIND_NAMES as readonly string[]).includes(kind) ? t(`kind.${kind}` as Key) : kind;
}

/** 'member', 'наблюдатель'…; an unknown status as it is. */
export function statusLabel(status: string): string {
  return (RELATION_STATUS_NAMES as readonly string[]).includes(status) ? t(`status.${status}` as Key) : status;
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
