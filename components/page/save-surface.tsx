import { render } from 'preact';
import type { SaveFormEvent } from '../../lib/messages';
import type { UiLayer } from '../../lib/page/ui-host';
import { placeBeside } from './place';
import { t } from '../../lib/i18n';

export interface SaveSurfaceOptions {
  /**
   * Hands the passage to the background, which holds it for the save-form frame; resolves to the
   * frame's one-time token and address (which carries the token only).
   */
  hold(range: Range): Promise<{ token: string; url: string }>;
  /** The frame saved the passage: show it as saved. */
  saved(range: Range, annotation: { id: string; entityId?: string }): void;
}

/** How long the frame has to say how tall it is before the surface gives up on it. */
const FRAME_TIMEOUT_MS = 8000;

/**
 * The "Save to Backstory" button beside a selection, and the form it opens. The form is an extension
 * page (entrypoints/save-form) in an iframe inside Backstory's closed shadow root, so that what the
 * reader types there never passes through the page's document: the page's key listeners hear nothing.
 * The frame tells its height, that it saved and that it closed through the background, never through
 * the page's window.
 */
export class SaveSurface {
  private range: Range | null = null;
  private mode: 'closed' | 'button' | 'form' = 'closed';
  private token: string | null = null;
  private frame: HTMLIFrameElement | null = null;
  private returnFocus: Element | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly layer: UiLayer,
    private readonly options: SaveSurfaceOptions,
  ) {}

  get isFormOpen(): boolean {
    return this.mode === 'form';
  }

  /** Shows the button beside a savable selection, or hides it when there is none. */
  offer(range: Range | null): void {
    if (this.mode === 'form') return;
    if (!range) {
      this.close();
      return;
    }
    this.range = range.cloneRange();
    this.mode = 'button';
    const slot = this.layer.slot('save');
    render(
      <button
        type="button"
        class="save-button"
        // Keep the page's selection: a mousedown would otherwise collapse it before the click.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void this.openForm()}
      >
        {t('save.title')}
      </button>,
      slot,
    );
    this.place('.save-button');
  }

  /** Opens the form for the offered selection, or for `range` (context menu, keyboard shortcut). */
  async openForm(range: Range | null = this.range): Promise<void> {
    if (!range) return;
    const wanted = range.cloneRange();
    this.range = wanted;
    this.mode = 'form';
    const active = this.doc.activeElement;
    this.returnFocus = active && !this.layer.isOwnTarget(active) ? active : this.returnFocus;
    render(null, this.layer.slot('save'));
    let held: { token: string; url: string };
    try {
      held = await this.options.hold(wanted);
    } catch (error) {
      console.debug('Backstory:', error);
      this.close();
      return;
    }
    if (this.range !== wanted || this.mode !== 'form') return;
    this.token = held.token;
    const frame = this.doc.createElement('iframe');
    frame.className = 'save-frame';
    frame.title = t('save.title');
    frame.src = held.url;
    // Shown once it says how tall it is.
    frame.style.height = '0px';
    frame.style.visibility = 'hidden';
    this.frame = frame;
    this.layer.slot('save').append(frame);
    this.timer = setTimeout(() => {
      if (frame.style.visibility === 'hidden') this.close();
    }, FRAME_TIMEOUT_MS);
  }

  /** What the frame said, relayed by the background. False when it is not this form's. */
  onFrameEvent(token: string, event: SaveFormEvent, annotation?: { id: string; entityId?: string }): boolean {
    if (token !== this.token || !this.frame || !this.range) return false;
    if (event.kind === 'size') {
      const first = this.frame.style.visibility === 'hidden';
      this.frame.style.height = `${Math.ceil(event.height)}px`;
      this.frame.style.visibility = 'visible';
      this.place('.save-frame');
      if (first) {
        clearTimeout(this.timer);
        this.focusFrame(this.frame, 0);
      }
    } else if (event.kind === 'saved') {
      if (annotation) this.options.saved(this.range, annotation);
    } else {
      this.close();
    }
    return true;
  }

  /** Gives the form the keyboard, trying again for a moment while the frame is not ready for it. */
  private focusFrame(frame: HTMLIFrameElement, attempt: number): void {
    if (frame !== this.frame) return;
    frame.focus();
    frame.contentWindow?.focus();
    if (!this.layer.isOwnTarget(this.doc.activeElement) && attempt < 10) setTimeout(() => this.focusFrame(frame, attempt + 1), 50);
  }

  close(): void {
    if (this.mode === 'closed') return;
    const hadFocus = this.layer.isOwnTarget(this.doc.activeElement);
    this.mode = 'closed';
    this.range = null;
    this.token = null;
    this.frame = null;
    clearTimeout(this.timer);
    render(null, this.layer.slot('save'));
    this.layer.slot('save').replaceChildren();
    // Back to where the reader was in the page.
    const back = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && back && back !== this.doc.body && back.isConnected && typeof (back as HTMLElement).focus === 'function') (back as HTMLElement).focus({ preventScroll: true });
  }

  private place(selector: string): void {
    const floating = this.layer.slot('save').querySelector<HTMLElement>(selector);
    const rects = this.range?.getClientRects();
    const anchor = rects?.length ? rects[rects.length - 1] : this.range?.getBoundingClientRect();
    if (floating && anchor) void placeBeside(floating, { getBoundingClientRect: () => anchor }, this.doc.defaultView?.innerHeight ?? 800, 520);
  }
}
