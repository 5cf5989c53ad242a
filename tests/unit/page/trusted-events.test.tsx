import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveSurface } from '../../../components/page/save-surface';
import type { Mark } from '../../../lib/page/highlights';
import { attachHoverIntent, type PopoverSurface } from '../../../lib/page/hover-intent';
import { savableRange } from '../../../lib/page/selection';
import { onSelectionGesture } from '../../../lib/page/selection-gesture';
import { UiLayer } from '../../../lib/page/ui-host';

/**
 * An event as the browser hands it over for the reader's own gesture. happy-dom, like a page's script,
 * can only dispatch untrusted events; a real mouse or keyboard gives `isTrusted: true`.
 */
const asReaders = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

let layer: UiLayer;
let paragraph: HTMLElement;
let detach: () => void;

beforeEach(() => {
  document.body.innerHTML = '<p>Nikol Pashinyan said the alliance had failed Armenia when it was needed most.</p>';
  paragraph = document.querySelector('p')!;
  layer = new UiLayer(document, '');
  const save = new SaveSurface(document, layer, { hold: vi.fn(async () => ({ token: 'unused', url: 'about:blank' })), saved: vi.fn() });
  // As the content script wires it (entrypoints/content/run.ts).
  detach = onSelectionGesture(document, (target) => layer.isOwnTarget(target), () =>
    save.offer(savableRange(document.getSelection(), document.body)),
  );
});

afterEach(() => {
  detach();
  layer.remove();
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

/** A page's script selects words of its choosing. */
const selectQuote = () => {
  const text = paragraph.firstChild as Text;
  const at = text.data.indexOf('the alliance');
  document.getSelection()!.setBaseAndExtent(text, at, text, at + 'the alliance had failed Armenia'.length);
};

/** What the reader sees: the "Save to Backstory" button, if any. */
const saveButton = () => layer.slot('save').querySelector('.save-button');

describe('only the reader’s own gestures bring up “Save to Backstory”', () => {
  it('shows no save button after a page selects text and dispatches a mouseup', async () => {
    selectQuote();
    paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await settle();
    expect(saveButton()).toBeNull();
  });

  it('shows no save button after a page selects text and dispatches a keyup', async () => {
    selectQuote();
    paragraph.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await settle();
    expect(saveButton()).toBeNull();
  });

  it('shows the save button when the reader’s own mouse ends the selection', async () => {
    selectQuote();
    paragraph.dispatchEvent(asReaders(new MouseEvent('mouseup', { bubbles: true })));
    await settle();
    expect(saveButton()?.textContent).toBe('Save to Backstory');
  });
});

describe('only the reader’s own pointer opens a popover', () => {
  const mark = { entityIds: ['csto'] } as unknown as Mark;
  let open: ReturnType<typeof vi.fn<PopoverSurface['open']>>;
  let detachHover: () => void;

  beforeEach(() => {
    open = vi.fn<PopoverSurface['open']>();
    const surface: PopoverSurface = { open, close: vi.fn(), current: null, isOwnTarget: () => false };
    detachHover = attachHoverIntent(document, { surface, markAt: () => mark, openDelay: () => 0 });
  });
  afterEach(() => detachHover());

  it('ignores a click a page dispatches on a marked name', () => {
    paragraph.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(open).not.toHaveBeenCalled();
  });

  it('opens on the reader’s own click', () => {
    paragraph.dispatchEvent(asReaders(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })));
    expect(open).toHaveBeenCalledWith(mark);
  });
});
