import { UI_HOST_TAG } from './blocks';

export interface UiHost {
  host: HTMLElement;
  /** Where Backstory's UI renders, inside a closed shadow root: page scripts cannot read it. */
  mount: HTMLElement;
  remove(): void;
}

// Inline, important declarations outrank the page's own stylesheets, even `* { all: revert !important }`.
const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  contain: 'none',
  'pointer-events': 'auto',
};

/** Adds a stylesheet to a shadow root without adding a node to it (the page's own sheets stay first). */
export function adoptStylesheet(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    // Firefox content scripts cannot adopt sheets built in their own compartment.
    const style = shadow.ownerDocument.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/**
 * The one node Backstory adds to a page, created only when its UI first opens. It hangs from the
 * <html> element, outside <body>, so the page's content is untouched and survives body swaps.
 */
export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement(UI_HOST_TAG.toLowerCase());
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStylesheet(shadow, css);
  const mount = doc.createElement('div');
  mount.className = 'layer';
  shadow.append(mount);
  doc.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
