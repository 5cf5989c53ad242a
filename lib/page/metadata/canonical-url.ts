/**
 * Query parameters that say how the reader arrived (campaign, click and share identifiers), not which
 * page it is. Two links to one article that differ only in these are the same source. Lower case;
 * parameter names are compared in lower case.
 */
const TRACKING_PARAMETERS = new Set([
  // Ad and social click identifiers
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'igsh', 'rb_clickid', 's_cid', 'spm',
  'fb_action_ids', 'fb_action_types', 'fb_source', 'fb_ref',
  'action_object_map', 'action_type_map', 'action_ref_map',
  // Newsletter and marketing platforms (Mailchimp, HubSpot, Marketo, Olytics, Vero)
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  // Analytics (Google, Matomo, Webtrends, AT Internet) and share buttons of news sites
  '_ga', '_gl', 'pk_campaign', 'pk_kwd', 'pk_source', 'pk_medium', 'pk_content', 'wt.mc_id',
  'xtor', 'at_medium', 'at_campaign', 'ncid', 'ocid', 'cmpid', 'smid', 'smtyp', 'sr_share',
  'ref_src', 'ref_url', '__twitter_impression', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);

/** Families of tracking parameters, by prefix (utm_source, utm_medium… mtm_campaign… hsa_acc…). */
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'hsa_'];

function isTrackingParameter(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    name = rawName.toLowerCase();
  }
  return TRACKING_PARAMETERS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * The URL of the page itself: tracking parameters and the fragment removed, every other parameter kept
 * as written and in its order. A fragment that routes a single-page site (`#!/story/12`, `#!story-12`, `#/story/12`)
 * names the page and is kept. Throws a TypeError when `url` is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  const parsed = new URL(url.trim());
  // Filtering the raw query, rather than URLSearchParams, keeps each kept parameter byte for byte.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParameter(part.split('=', 1)[0]!));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  if (!/^#[!/]/.test(parsed.hash)) parsed.hash = '';
  return parsed.href;
}
