import { autoUpdate, computePosition, flip, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';
import { render, type ComponentChild } from 'preact';
import popoverCss from '../page/popover.css?inline';

/**
 * The reading mode's floating layer: the entity card and the save form, drawn with the same
 * components and styles as on a page (components/page), in a shadow root of their own so the
 * article's and the panel's styles cannot reach them. Each is placed beside what it belongs to and
 * follows it (Floating UI's autoUpdate) while the page scrolls or the card grows.
 */
export class ReaderOverlay {
  private readonly host: HTMLElement;
  private readonly slot: HTMLElement;
  private stopFollowing: (() => void) | null = null;

  constructor(doc: Document) {
    this.host = doc.createElement('div');
    this.host.className = 'bs-overlay';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(popoverCss);
    shadow.adoptedStyleSheets = [sheet];
    this.slot = doc.createElement('div');
    this.slot.className = 'layer';
    shadow.append(this.slot);
    doc.body.append(this.host);
  }

  get isOpen(): boolean {
    return this.stopFollowing !== null;
  }

  /** Shows `content` beside `reference`; its root element must have the class `popover` or `save-button`. */
  show(reference: ReferenceElement, content: ComponentChild): HTMLElement | null {
    this.close();
    render(content, this.slot);
    const floating = this.slot.firstElementChild as HTMLElement | null;
    if (!floating) return null;
    const place = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              floating.style.maxHeight = `${Math.max(160, Math.min(520, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
      });
    this.stopFollowing = autoUpdate(reference, floating, place);
    return floating;
  }

  close(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    render(null, this.slot);
  }

  /** Whether an event happened inside the layer (events leave a shadow root retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }
}
