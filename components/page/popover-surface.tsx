import { render } from 'preact';
import type { VirtualElement } from '@floating-ui/dom';
import type { Mark } from '../../lib/page/highlights';
import type { Announcement, PopoverSurface } from '../../lib/page/hover-intent';
import type { UiLayer } from '../../lib/page/ui-host';
import type { Dossier } from '../../lib/messages';
import { kindLabel } from '../../lib/format';
import { resolveLanguage, setLanguage, t, type LanguageSetting } from '../../lib/i18n';
import { follow } from './place';
import { Popover, type Choice } from './Popover';

export interface PopoverSurfaceOptions {
  choicesFor(mark: Mark): Choice[];
  getDossier(id: string): Promise<Dossier | null>;
  /** Entities named unambiguously on the page (for a shared name, they come first). */
  namedElsewhere?(): ReadonlySet<string>;
  /** The page's publication date, YYYY-MM-DD, when it says. */
  pageDate?(): string | undefined;
  /** The reader's choice of language, asked at each opening: a change in Settings shows at the next popover. */
  language(): Promise<LanguageSetting>;
}

/** The mark as Floating UI follows it: its first line (where the reader's eye is), in its scrolling context. */
function referenceOf(mark: Mark): VirtualElement {
  const node = mark.range.startContainer;
  return {
    getBoundingClientRect: () => mark.range.getClientRects()[0] ?? mark.range.getBoundingClientRect(),
    contextElement: node instanceof Element ? node : (node.parentElement ?? undefined),
  };
}

/**
 * Nothing of the page had focus: the keyboard goes on from the mark, so Tab reaches what follows it.
 * Browsers start sequential navigation from the element focused last, and a paragraph takes focus
 * only with a tabindex: one is lent for the moment of focus() and taken back at once (the element
 * is left as it was, and focus on the body).
 */
function resumeAt(mark: Mark): void {
  const node = mark.range.endContainer;
  const element = node instanceof HTMLElement ? node : node.parentElement;
  if (!element || element.hasAttribute('tabindex')) return;
  element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.removeAttribute('tabindex');
}

/**
 * The popover beside a mark, rendered with Preact in Backstory's shadow root and kept beside it by
 * Floating UI while the page scrolls or the card grows; it closes once its mark leaves the screen.
 * Opened from the keyboard it takes focus, and gives it back on close to what had it before.
 */
export class ShadowPopoverSurface implements PopoverSurface {
  current: Mark | null = null;
  /** The mark of the card closed last: keyboard navigation goes on from there. */
  lastClosed: Mark | null = null;
  private stopFollowing: (() => void) | null = null;
  private returnFocus: Element | null = null;
  private languageKnown = false;

  constructor(
    private readonly doc: Document,
    private readonly layer: UiLayer,
    private readonly options: PopoverSurfaceOptions,
  ) {}

  /** `focus` moves keyboard focus into the popover (when it was opened from the keyboard). */
  open(mark: Mark, { focus = false, announce }: { focus?: boolean; announce?: Announcement } = {}): void {
    const choices = this.options.choicesFor(mark);
    if (!choices.length || !mark.range.getClientRects().length) return;
    this.stopFollowing?.();
    const active = this.doc.activeElement;
    if (!this.layer.isOwnTarget(active)) this.returnFocus = active;
    this.current = mark;
    const language = this.options.language().then((setting) => setLanguage(resolveLanguage(setting)), () => undefined);
    // The first popover waits for the language (a message away); later ones show at once, in the
    // language they last had, and re-render if the reader changed it since (see useLanguage).
    if (this.languageKnown) this.show(mark, choices, focus, announce);
    else
      void language.then(() => {
        this.languageKnown = true;
        if (this.current === mark) this.show(mark, choices, focus, announce);
      });
  }

  private show(mark: Mark, choices: Choice[], focus: boolean, announce?: Announcement): void {
    const slot = this.layer.slot('popover');
    const shared = choices.length > 1;
    render(
      <Popover
        choices={choices}
        getDossier={this.options.getDossier}
        onClose={() => this.close()}
        namedElsewhere={shared ? this.options.namedElsewhere?.() : undefined}
        pageDate={shared ? this.options.pageDate?.() : undefined}
      />,
      slot,
    );
    const floating = slot.querySelector<HTMLElement>('.popover');
    if (!floating) return;
    this.stopFollowing?.();
    this.stopFollowing = follow(floating, referenceOf(mark), () => this.close());
    if (focus) floating.focus({ preventScroll: true });
    if (announce) this.announce(announce);
  }

  /** Says where navigation arrived through a polite live region that stays in the layer (set after a moment, so it is heard as a change). */
  private announce({ name, kind, index, count }: Announcement): void {
    const text = t('popover.announce', { name, kind: kindLabel(kind).toLowerCase(), index, count });
    const live = this.layer.slot('live');
    if (!live.hasAttribute('role')) {
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      live.classList.add('visually-hidden');
    }
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 50);
  }

  close(): void {
    const mark = this.current;
    if (!mark) return;
    const hadFocus = this.layer.isOwnTarget(this.doc.activeElement);
    this.current = null;
    this.lastClosed = mark;
    this.stopFollowing?.();
    this.stopFollowing = null;
    render(null, this.layer.slot('popover'));
    const back = this.returnFocus;
    this.returnFocus = null;
    if (!hadFocus) return;
    if (back && back !== this.doc.body && back.isConnected && typeof (back as HTMLElement).focus === 'function') {
      (back as HTMLElement).focus({ preventScroll: true });
      return;
    }
    resumeAt(mark);
  }

  isOwnTarget(target: EventTarget | null): boolean {
    return this.layer.isOwnTarget(target);
  }
}
