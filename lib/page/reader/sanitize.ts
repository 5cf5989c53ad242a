/**
 * What of a page's article may reach the reader page: its text and the markup that gives it shape.
 * Nothing that runs (scripts, handlers, SVG, MathML), loads a document (frames, objects, meta
 * refresh, base), submits (forms and their controls), or styles (style elements and attributes, so
 * no CSS url() fetches anything); no class or id to meet the reader page's own styles and ids.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier, type ElementHook, type UponSanitizeAttributeHook } from 'dompurify';

const CONFIG: Config = {
  ALLOWED_TAGS: [
    // DOMPurify walks from <body>: a disallowed root would have it copy the whole article aside.
    'body',
    'article', 'section', 'div', 'span', 'p', 'br', 'hr', 'wbr',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'pre', 'code', 'kbd', 'samp', 'var',
    'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'time',
    'img', 'picture', 'source',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  ALLOWED_ATTR: [
    'href', 'src', 'srcset', 'sizes', 'media', 'type', 'alt', 'title', 'width', 'height',
    'datetime', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'start', 'reversed',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // A control's label is the page's interface, not the article. A form's content stays: some sites
  // (ASP.NET among them) wrap the whole page in one.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea'],
};

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/** The URL attributes each element may keep, and the schemes they may point to; any other goes. */
const URL_POLICY: Record<string, Record<string, Set<string>>> = {
  a: { href: LINK_SCHEMES },
  img: { src: IMAGE_SCHEMES, srcset: IMAGE_SCHEMES },
  source: { srcset: IMAGE_SCHEMES },
};
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset']);

function absoluteUrl(value: string, base: string, schemes: Set<string>): string | undefined {
  try {
    const url = new URL(value, base);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `value` resolved against `base` when it is an http(s) URL, the only kind an article's images may load. */
export function httpUrl(value: string, base: string): string | undefined {
  return absoluteUrl(value, base, IMAGE_SCHEMES);
}

/**
 * A srcset candidate: a URL (which may hold commas, as image CDNs' do), then either commas or an
 * optional descriptor up to the next comma. As the HTML standard splits them, without its error cases.
 */
const SRCSET_CANDIDATE = /[\s,]*([^\s,](?:\S*[^\s,])?)(?:,+|\s+([^,]*))?/g;

/** The srcset with every candidate resolved, and those that are not http(s) left out. */
function absoluteSrcset(srcset: string, base: string): string | undefined {
  const candidates = [...srcset.matchAll(SRCSET_CANDIDATE)].flatMap(([, url, descriptor]) => {
    const absolute = absoluteUrl(url!, base, IMAGE_SCHEMES);
    return absolute ? [`${absolute} ${descriptor ?? ''}`.trim()] : [];
  });
  return candidates.length > 0 ? candidates.join(', ') : undefined;
}

/** DOMPurify checks nodes against its own window's classes, so each window gets a purifier of its own. */
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(view: Window & typeof globalThis): Purifier {
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = DOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/**
 * `html` made safe to show in the reader page (see the top of this file). Links and images are
 * resolved against `baseUrl`; links keep http(s) and mailto targets and open in a new tab without
 * referrer or opener; images keep http(s) sources only, and load lazily without referrer. A refused
 * URL costs only its attribute: the link's text stays. `doc` names the window DOMPurify works in,
 * the current one by default.
 */
export function sanitizeArticle(html: string, baseUrl: string, doc: Document = document): string {
  const purifier = purifierFor(doc.defaultView ?? window);

  // Rewritten before DOMPurify checks them, so that its own URL check sees what the reader will get.
  const resolveUrls: UponSanitizeAttributeHook = (element, event) => {
    if (!URL_ATTRIBUTES.has(event.attrName)) return;
    const schemes = URL_POLICY[element.localName]?.[event.attrName];
    const value = !schemes ? undefined
      : event.attrName === 'srcset' ? absoluteSrcset(event.attrValue, baseUrl)
      : absoluteUrl(event.attrValue, baseUrl, schemes);
    if (value === undefined) event.keepAttr = false;
    else event.attrValue = value;
  };
  const isolate: ElementHook = (element) => {
    if (element.localName === 'a' && element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    } else if (element.localName === 'img') {
      element.setAttribute('loading', 'lazy');
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('decoding', 'async');
    }
  };

  // The hooks hold this call's base URL: they leave with the call, even when sanitising throws.
  purifier.addHook('uponSanitizeAttribute', resolveUrls);
  purifier.addHook('afterSanitizeAttributes', isolate);
  try {
    return purifier.sanitize(html, CONFIG);
  } finally {
    purifier.removeHook('uponSanitizeAttribute', resolveUrls);
    purifier.removeHook('afterSanitizeAttributes', isolate);
  }
}
