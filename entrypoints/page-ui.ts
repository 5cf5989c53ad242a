import popoverCss from '~/components/page/popover.css?inline';
import { ShadowPopoverSurface, type PopoverSurfaceOptions } from '~/components/page/popover-surface';
import { SaveSurface, type SaveSurfaceOptions } from '~/components/page/save-surface';
import { UiLayer } from '~/lib/page/ui-host';

/**
 * What Backstory shows inside a page — the popover, the save button and form — with Preact, Floating
 * UI and their styles. The content script loads it the first time the reader needs it (a hover, a
 * selection, a command), so the pages where nobody does pay nothing for this code.
 */
export interface PageUi {
  layer: UiLayer;
  popover: ShadowPopoverSurface;
  save: SaveSurface;
}

export type CreatePageUi = (doc: Document, options: { popover: PopoverSurfaceOptions; save: SaveSurfaceOptions }) => PageUi;

/** Where the module leaves its factory, in the content script's isolated world (a page's scripts have another global). */
export const PAGE_UI_KEY = Symbol.for('backstory.page-ui');

export default defineUnlistedScript(() => {
  const create: CreatePageUi = (doc, options) => {
    const layer = new UiLayer(doc, popoverCss);
    return { layer, popover: new ShadowPopoverSurface(doc, layer, options.popover), save: new SaveSurface(doc, layer, options.save) };
  };
  Object.defineProperty(globalThis, PAGE_UI_KEY, { value: create, configurable: true });
});
