import { computePosition, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { Mark } from '../lib/page/highlights';
import type { PopoverSurface } from '../lib/page/hover-intent';
import { createUiHost, type UiHost } from '../lib/page/ui-host';
import type { Dossier } from '../lib/store/queries';
import { Popover, type Choice } from './Popover';

export interface PopoverSurfaceOptions {
  css: string;
  choicesFor(mark: Mark): Choice[];
  getDossier(id: string): Promise<Dossier | null>;
}

/** The popover beside a mark, rendered with Preact in Backstory's shadow root and placed by Floating UI. */
export class ShadowPopoverSurface implements PopoverSurface {
  current: Mark | null = null;
  private ui: UiHost | null = null;
  private readonly onViewportChange = () => this.place();

  constructor(
    private readonly doc: Document,
    private readonly options: PopoverSurfaceOptions,
  ) {}

  /** `focus` moves keyboard focus into the popover (when it was opened from the keyboard). */
  open(mark: Mark, { focus = false }: { focus?: boolean } = {}): void {
    const choices = this.options.choicesFor(mark);
    if (!choices.length || !mark.range.getClientRects().length) return;
    this.ui ??= createUiHost(this.doc, this.options.css);
    if (!this.ui.host.isConnected) this.doc.documentElement.append(this.ui.host);
    this.current = mark;
    render(<Popover choices={choices} getDossier={this.options.getDossier} onClose={() => this.close()} />, this.ui.mount);
    this.place();
    if (focus) this.ui.mount.querySelector<HTMLElement>('.popover')?.focus();
    this.doc.defaultView?.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    this.doc.defaultView?.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  close(): void {
    if (!this.current) return;
    this.current = null;
    if (this.ui) render(null, this.ui.mount);
    this.doc.defaultView?.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onViewportChange);
  }

  isOwnTarget(target: EventTarget | null): boolean {
    return !!this.ui && target === this.ui.host;
  }

  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
  }

  private place(): void {
    const mark = this.current;
    const floating = this.ui?.mount.querySelector<HTMLElement>('.popover');
    if (!mark || !floating) return;
    // The first line of a name that wraps is where the reader's eye is.
    const anchor = mark.range.getClientRects()[0] ?? mark.range.getBoundingClientRect();
    const reference: VirtualElement = { getBoundingClientRect: () => anchor };
    // Below the name unless the space above is clearly roomier; the card then shrinks to fit and scrolls.
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 800;
    const below = viewportHeight - anchor.bottom;
    const placement = below >= 360 || below >= anchor.top ? 'bottom-start' : 'top-start';
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(8),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            floating.style.maxHeight = `${Math.max(140, Math.min(480, Math.floor(availableHeight)))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  }
}
