// Judges one page run with Backstory against the same page run without it: which console errors are
// Backstory's, and whether the page's DOM stayed as the page made it.

/** An error message with what changes from load to load (numbers, ports, ids) blurred. */
export function errorKey(error) {
  return `${error.kind.split('/')[0]}: ${`${error.text} ${error.url ?? ''}`.replace(/\d+/g, '#').slice(0, 400)}`;
}

/** The items of `list` (by key) not matched one-for-one by an item of `against`. */
export function unmatched(list, against, key = errorKey) {
  const budget = new Map();
  for (const item of against) budget.set(key(item), (budget.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const k = key(item);
    const left = budget.get(k) ?? 0;
    if (left > 0) {
      budget.set(k, left - 1);
      return false;
    }
    return true;
  });
}

/**
 * Errors of the run with Backstory that are Backstory's: raised in its content script's world or by its
 * files, or not seen in any run of the page without it (`baselines`). The browser's own late fetch of
 * the page's icon is nobody's.
 */
export function backstoryErrors(withRun, baselines) {
  const own = withRun.errors.filter((e) => e.world === 'backstory');
  let unexplained = withRun.errors.filter((e) => e.world === 'page');
  for (const baseline of baselines) unexplained = unmatched(unexplained, baseline.errors);
  return { own, unexplained, all: [...own, ...unexplained] };
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return `at character ${i}: with Backstory ${around(a)}, without ${around(b)}`;
}

function fingerprintDifference(a, b) {
  const parts = [];
  for (const key of ['elements', 'attributes', 'text']) if (a[key] !== b[key]) parts.push(`${key} ${b[key]} → ${a[key]}`);
  const tags = new Set([...Object.keys(a.tags), ...Object.keys(b.tags)]);
  const changed = [...tags].filter((t) => (a.tags[t] ?? 0) !== (b.tags[t] ?? 0)).map((t) => `<${t}> ${b.tags[t] ?? 0} → ${a.tags[t] ?? 0}`);
  if (changed.length) parts.push(changed.slice(0, 6).join(', ') + (changed.length > 6 ? ', …' : ''));
  return parts.join('; ');
}

const sameFingerprint = (a, b) => fingerprintDifference(a, b) === '';

/**
 * { verdict: 'unchanged' | 'changed' | 'varies' | 'unknown', detail }.
 * - With the page's scripts blocked the document is static: it must serialise identically.
 * - With them running a page may differ from load to load by itself, so the documents are compared
 *   exactly first, then by fingerprint (element count per tag, attribute count, text length). A
 *   difference counts against Backstory only when every run without it agrees with the others; when
 *   they disagree among themselves the page "varies" and is not judged by fingerprint.
 * Either way an element named backstory-* other than the <backstory-ui> host on <html> is a change.
 */
export function domVerdict(withRun, baselines, { scripts }) {
  const mine = withRun.dom;
  const theirs = baselines.map((b) => b.dom).filter(Boolean);
  if (!mine || !theirs.length) return { verdict: 'unknown', detail: 'no snapshot' };
  if (mine.strays.length) return { verdict: 'changed', detail: `Backstory elements in the page: ${[...new Set(mine.strays)].join(', ')}` };
  if (mine.misplacedUiHosts) return { verdict: 'changed', detail: '<backstory-ui> placed elsewhere than on <html>' };
  if (theirs.some((t) => t.html === mine.html)) return { verdict: 'unchanged', detail: '' };
  if (!scripts) return { verdict: 'changed', detail: firstDifference(mine.html, theirs[0].html) };
  const baselinesAgree = theirs.every((t) => sameFingerprint(t.fingerprint, theirs[0].fingerprint));
  if (theirs.some((t) => sameFingerprint(mine.fingerprint, t.fingerprint))) return { verdict: 'unchanged', detail: 'same fingerprint' };
  if (!baselinesAgree || theirs.length < 2) return { verdict: 'varies', detail: fingerprintDifference(mine.fingerprint, theirs[0].fingerprint) };
  return { verdict: 'changed', detail: fingerprintDifference(mine.fingerprint, theirs[0].fingerprint) };
}
