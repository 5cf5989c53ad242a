import { browser } from 'wxt/browser';
import type { Mark } from '~/lib/page/highlights';
import type { PopoverSurface } from '~/lib/page/hover-intent';
import type { CreatePageUi, PageUi } from '../page-ui';

// The key is repeated rather than imported: importing page-ui.ts would bundle the UI it exists to keep out.
const PAGE_UI_KEY = Symbol.for('backstory.page-ui');

/**
 * The page's UI, loaded on first use (see entrypoints/page-ui.ts). `import()` of an extension file
 * from a content script runs it in the content script's own world; the file is a web-accessible
 * resource for that reason only.
 */
export class LazyPageUi {
  private loading: Promise<PageUi> | null = null;
  /** The UI once loaded: what callers that must answer at once (is this our element?) look at. */
  loaded: PageUi | null = null;

  constructor(private readonly create: (factory: CreatePageUi) => PageUi) {}

  get(): Promise<PageUi> {
    this.loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/page-ui.js')).then(() => {
      const factory = (globalThis as Record<symbol, CreatePageUi | undefined>)[PAGE_UI_KEY];
      if (!factory) throw new Error('Backstory’s page UI did not load');
      return (this.loaded = this.create(factory));
    });
    this.loading.catch((error) => {
      console.debug('Backstory:', error);
      this.loading = null;
    });
    return this.loading;
  }

  isOwnTarget(target: EventTarget | null): boolean {
    return this.loaded?.layer.isOwnTarget(target) ?? false;
  }

  close(): void {
    this.loaded?.popover.close();
    this.loaded?.save.close();
    this.loaded?.layer.remove();
  }
}

/** The popover as hover intent and keyboard navigation see it: asked to open, it loads the UI first. */
export class LazyPopover implements PopoverSurface {
  /** The mark asked for while the UI loads. */
  private wanted: { mark: Mark; focus: boolean } | null = null;

  constructor(private readonly ui: LazyPageUi) {}

  get current(): Mark | null {
    return this.ui.loaded?.popover.current ?? this.wanted?.mark ?? null;
  }

  open(mark: Mark, { focus = false }: { focus?: boolean } = {}): void {
    const loaded = this.ui.loaded;
    if (loaded) {
      loaded.popover.open(mark, { focus });
      return;
    }
    this.wanted = { mark, focus };
    void this.ui.get().then(({ popover }) => {
      const wanted = this.wanted;
      this.wanted = null;
      if (wanted) popover.open(wanted.mark, { focus: wanted.focus });
    });
  }

  close(): void {
    this.wanted = null;
    this.ui.loaded?.popover.close();
  }

  isOwnTarget(target: EventTarget | null): boolean {
    return this.ui.isOwnTarget(target);
  }
}
