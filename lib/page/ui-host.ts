import { UI_HOST_TAG } from './blocks';

// Inline, important declarations outrank the page's own stylesheets, even `* { all: revert !important }`.
export const HOST_STYLE: Record<string, string> = {
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

/**
 * Adds a stylesheet to a shadow root without adding a node to it (the root's own sheets stay first).
 * Returns false where the browser refuses (Firefox 140 ESR content scripts cannot adopt sheets built
 * in their own compartment; 153 can).
 */
export function adoptStylesheet(shadow: ShadowRoot, css: string): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return true;
  } catch {
    return false;
  }
}

/**
 * The one node Backstory adds to a page, created only when its UI first opens. It hangs from the
 * <html> element, outside <body>, so the page's content is untouched and survives body swaps. Its
 * shadow root is closed: page scripts cannot read what Backstory shows. Each piece of UI (popover,
 * save button, save form) renders into a slot of its own inside it.
 */
export class UiLayer {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private readonly slots = new Map<string, HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  slot(name: string): HTMLElement {
    if (!this.host || !this.shadow) {
      this.host = this.doc.createElement(UI_HOST_TAG.toLowerCase());
      for (const [property, value] of Object.entries(HOST_STYLE)) this.host.style.setProperty(property, value, 'important');
      this.shadow = this.host.attachShadow({ mode: 'closed' });
      // Backstory's own shadow root may hold a <style> node where a sheet cannot be adopted.
      if (!adoptStylesheet(this.shadow, this.css)) {
        const style = this.doc.createElement('style');
        style.textContent = this.css;
        this.shadow.append(style);
      }
    }
    // A page that rewrites <html> can drop the host; it is put back when the UI is next needed.
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    let slot = this.slots.get(name);
    if (!slot) {
      slot = this.doc.createElement('div');
      slot.className = `layer layer-${name}`;
      this.shadow.append(slot);
      this.slots.set(name, slot);
    }
    return slot;
  }

  /** True for events that happened inside Backstory's UI (they reach the page retargeted to the host). */
  isOwnTarget(target: EventTarget | null): boolean {
    return this.host !== null && target === this.host;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.slots.clear();
  }
}
