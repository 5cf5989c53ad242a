/**
 * Which site a host belongs to, by the Public Suffix List (tldts). The background decides with it what a
 * page may read and file passages under (lib/background/router.ts). The content script does not carry
 * it — the list is 137 KB — and keeps its own cheaper rules for a canonical URL (page-metadata.ts); where
 * the two disagree, the background's answer holds.
 */
import { getDomain } from 'tldts/dist/index.esm.min.js';

/** Hosts of Google's AMP cache, which serves each publisher's AMP pages under a subdomain of its own. */
const AMP_CACHE = '.cdn.ampproject.org';

/**
 * The publisher whose page a host serves: the host itself, or for Google's AMP cache the publisher's
 * host spelled in the cache's subdomain (`www-example-com.cdn.ampproject.org` serves `www.example.com`:
 * each `.` written `-`, each `-` written `--`). A cache subdomain that cannot be read that way (a
 * hashed one) names no publisher, so it stays a site of its own.
 */
function publisherHostOf(hostname: string): string {
  if (!hostname.endsWith(AMP_CACHE)) return hostname;
  const label = hostname.slice(0, -AMP_CACHE.length);
  if (label.includes('.')) return hostname;
  const decoded = label
    .split('--')
    .map((part) => part.replace(/-/g, '.'))
    .join('-');
  return decoded.includes('.') && !/^[.-]|[.-]$|\.\./.test(decoded) ? decoded : hostname;
}

/**
 * The site a host belongs to: its registrable domain as the Public Suffix List draws it, private
 * suffixes included (`a.github.io` and `b.github.io` are two sites, as are two `*.blogspot.com`
 * blogs), or the host itself where there is none (an IP address, `localhost`, a bare suffix).
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? host;
}

/**
 * Whether a page shown at `pageHost` may speak for a URL on `claimedHost` — name it as its canonical
 * URL, or have passages saved and read under it: only when both are one site (one registrable
 * domain). Subdomains of one site agree (`m.`, `www.`, `edition.`); look-alikes
 * (`example.com.evil.net`), neighbours under a shared suffix (`a.co.uk`, `a.github.io`) and a
 * subdomain claiming its parent suffix (`evil.github.io` → `github.io`) do not. A page in Google's AMP
 * cache speaks for its own publisher only.
 */
export function isSameSite(pageHost: string, claimedHost: string): boolean {
  return siteOf(publisherHostOf(pageHost.toLowerCase())) === siteOf(claimedHost);
}
