const ISO_LIKE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;
const SLASHED_OR_COMPACT = /^(\d{4})(?:\/(\d{2})\/(\d{2})|(\d{2})(\d{2}))$/;
const EXPLICIT_ZONE = /(?:\b(?:GMT|UTC)\b|Z|[+-]\d{2}:?\d{2})$/i;

/** Earlier dates on a web page are placeholders ("0001-01-01") rather than publication dates. */
const EARLIEST_YEAR = 1800;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromIsoLike(match: RegExpExecArray): string | undefined {
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  if (d === undefined) return year >= EARLIEST_YEAR && month >= 1 && month <= 12 ? `${y}-${mo}` : undefined;
  if (!isRealDate(year, month, Number(d))) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  let offset = '';
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offset = 'Z';
    else {
      const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
      offset = `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
      if (offset === '+00:00' || offset === '-00:00') offset = 'Z';
    }
  }
  return `${date}T${h}:${mi}:${s ?? '00'}${fraction ?? ''}${offset}`;
}

function isoWithoutMilliseconds(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/**
 * A date as a page states it, as `YYYY-MM-DD`, `YYYY-MM` or an ISO 8601 date-time, or undefined when
 * it is no date. A date-time keeps the offset the page gave (a story published late in the evening in
 * New York keeps its New York day) and stays without one when the page gave none; it is converted to
 * UTC only when written in another form with an explicit zone ("Fri, 10 Jul 2015 09:53:00 GMT").
 */
export function normalizeDate(value: string): string | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;

  const isoLike = ISO_LIKE.exec(text);
  if (isoLike) return fromIsoLike(isoLike);

  const slashedOrCompact = SLASHED_OR_COMPACT.exec(text);
  if (slashedOrCompact) {
    const [, y, m1, d1, m2, d2] = slashedOrCompact;
    const month = m1 ?? m2!;
    const day = d1 ?? d2!;
    return isRealDate(Number(y), Number(month), Number(day)) ? `${y}-${month}-${day}` : undefined;
  }

  // Seconds or milliseconds since the epoch, as some CMSs write them.
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
    return isoWithoutMilliseconds(ms);
  }

  // Anything else must at least name a month in words ("July 10, 2015", "Fri, 10 Jul 2015 09:53 GMT").
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  if (EXPLICIT_ZONE.test(text)) {
    return new Date(time).getUTCFullYear() >= EARLIEST_YEAR ? isoWithoutMilliseconds(time) : undefined;
  }
  // Without a zone the string was read as local time, so the local fields are what it said.
  const local = new Date(time);
  if (local.getFullYear() < EARLIEST_YEAR) return undefined;
  const date = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  if (!/\d:\d/.test(text)) return date;
  return `${date}T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`;
}
