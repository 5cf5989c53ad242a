import { render } from 'preact';
import type { UiLayer } from '../../lib/page/ui-host';
import { placeBeside } from './place';
import type { Choice } from './Popover';
import { SaveForm, type SaveInput } from './SaveForm';

export interface SaveSurfaceOptions {
  choices(): Choice[];
  propose(range: Range): string[];
  save(range: Range, input: SaveInput): Promise<void>;
}

/** The "Save to Backstory" button beside a selection, and the form it opens. */
export class SaveSurface {
  private range: Range | null = null;
  private mode: 'closed' | 'button' | 'form' = 'closed';

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
        onClick={() => this.openForm()}
      >
        Save to Backstory
      </button>,
      slot,
    );
    this.place('.save-button');
  }

  /** Opens the form for the offered selection, or for `range` (context menu, keyboard shortcut). */
  openForm(range: Range | null = this.range): void {
    if (!range) return;
    this.range = range.cloneRange();
    this.mode = 'form';
    const saved = this.range;
    render(
      <SaveForm
        quote={saved.toString()}
        choices={this.options.choices()}
        proposed={this.options.propose(saved)}
        onSave={(input) => this.options.save(saved, input)}
        onClose={() => this.close()}
      />,
      this.layer.slot('save'),
    );
    this.place('.save-form');
  }

  close(): void {
    if (this.mode === 'closed') return;
    this.mode = 'closed';
    this.range = null;
    render(null, this.layer.slot('save'));
  }

  private place(selector: string): void {
    const floating = this.layer.slot('save').querySelector<HTMLElement>(selector);
    const rects = this.range?.getClientRects();
    const anchor = rects?.length ? rects[rects.length - 1] : this.range?.getBoundingClientRect();
    if (floating && anchor) placeBeside(floating, anchor, this.doc.defaultView?.innerHeight ?? 800, 520);
  }
}
