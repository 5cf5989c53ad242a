import { render } from 'preact';
import type { Mark } from '../../lib/page/highlights';
import type { PopoverSurface } from '../../lib/page/hover-intent';
import type { UiLayer } from '../../lib/page/ui-host';
import type { Dossier } from '../../lib/messages';
import { resolveLanguage, setLanguage, type LanguageSetting } from '../../lib/i18n';
import { placeBeside } from './place';
import { Popover, type Choice } from './Popover';

export interface PopoverSurfaceOptions {
  choicesFor(mark: Mark): Choice[];
  getDossier(id: string): Promise<Dossier | null>;
  /** The reader's choice of language, asked at each opening: a change in Settings shows at the next popover. */
  language(): Promise<LanguageSetting>;
}

/** The popover beside a mark, rendered with Preact in Backstory's shadow root and placed by Floating UI. */
export class ShadowPopoverSurface implements PopoverSurface {
  current: Mark | null = null;
  private languageKnown = false;
  private readonly onViewportChange = () => this.place();

  constructor(
    private readonly doc: Document,
    private readonly layer: UiLayer,
    private readonly options: PopoverSurfaceOptions,
  ) {}

  /** `focus` moves keyboard focus into the popover (when it was opened from the keyboard). */
  open(mark: Mark, { focus = false }: { focus?: boolean } = {}): void {
    const choices = this.options.choicesFor(mark);
    if (!choices.length || !mark.range.getClientRects().length) return;
    this.current = mark;
    const language = this.options.language().then((setting) => setLanguage(resolveLanguage(setting)), () => undefined);
    // The first popover waits for the language (a message away); later ones show at once, in the
    // language they last had, and re-render if the reader changed it since (see useLanguage).
    if (this.languageKnown) this.show(choices, focus);
    else
      void language.then(() => {
        this.languageKnown = true;
        if (this.current === mark) this.show(choices, focus);
      });
    this.doc.defaultView?.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    this.doc.defaultView?.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  private show(choices: Choice[], focus: boolean): void {
    const slot = this.layer.slot('popover');
    render(<Popover choices={choices} getDossier={this.options.getDossier} onClose={() => this.close()} />, slot);
    this.place();
    if (focus) slot.querySelector<HTMLElement>('.popover')?.focus();
  }

  close(): void {
    if (!this.current) return;
    this.current = null;
    render(null, this.layer.slot('popover'));
    this.doc.defaultView?.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onViewportChange);
  }

  isOwnTarget(target: EventTarget | null): boolean {
    return this.layer.isOwnTarget(target);
  }

  private place(): void {
    const mark = this.current;
    const floating = this.layer.slot('popover').querySelector<HTMLElement>('.popover');
    if (!mark || !floating) return;
    // The first line of a name that wraps is where the reader's eye is.
    const anchor = mark.range.getClientRects()[0] ?? mark.range.getBoundingClientRect();
    placeBeside(floating, anchor, this.doc.defaultView?.innerHeight ?? 800);
  }
}
