import '~/lib/i18n/messages-page';
import popoverCss from '~/components/page/popover.css?inline';
import { ShadowPopoverSurface, type PopoverSurfaceOptions } from '~/components/page/popover-surface';
import { SaveSurface, type SaveSurfaceOptions } from '~/components/page/save-surface';
import { UiLayer } from '~/lib/page/ui-host';
import { PAGE_UI_KEY, provide } from '~/lib/platform/provided';

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

export default defineUnlistedScript(() => {
  const create: CreatePageUi = (doc, options) => {
    const layer = new UiLayer(doc, popoverCss);
    return { layer, popover: new ShadowPopoverSurface(doc, layer, options.popover), save: new SaveSurface(doc, layer, options.save) };
  };
  provide(PAGE_UI_KEY, create);
});
