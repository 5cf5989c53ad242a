import { browser } from 'wxt/browser';
import type { Mark } from '~/lib/page/highlights';
import type { Announcement, PopoverSurface } from '~/lib/page/hover-intent';
import { PAGE_UI_KEY, importProvided } from '~/lib/platform/provided';
import type { CreatePageUi, PageUi } from '../page-ui';

/** The page's UI, loaded on first use (see entrypoints/page-ui.ts and lib/platform/provided.ts). */
export class LazyPageUi {
  private loading: Promise<PageUi> | null = null;
  /** The UI once loaded: what callers that must answer at once (is this our element?) look at. */
  loaded: PageUi | null = null;

  constructor(private readonly create: (factory: CreatePageUi) => PageUi) {}

  get(): Promise<PageUi> {
    this.loading ??= importProvided<CreatePageUi>(browser.runtime.getURL('/page-ui.js'), PAGE_UI_KEY).then(
      (factory) => (this.loaded = this.create(factory)),
    );
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
  private wanted: { mark: Mark; focus: boolean; announce?: Announcement } | null = null;

  constructor(private readonly ui: LazyPageUi) {}

  get current(): Mark | null {
    return this.ui.loaded?.popover.current ?? this.wanted?.mark ?? null;
  }

  /** The mark of the card closed last, where keyboard navigation goes on. */
  get lastClosed(): Mark | null {
    return this.ui.loaded?.popover.lastClosed ?? null;
  }

  open(mark: Mark, { focus = false, announce }: { focus?: boolean; announce?: Announcement } = {}): void {
    const loaded = this.ui.loaded;
    if (loaded) {
      loaded.popover.open(mark, { focus, announce });
      return;
    }
    this.wanted = { mark, focus, announce };
    void this.ui.get().then(({ popover }) => {
      const wanted = this.wanted;
      this.wanted = null;
      if (wanted) popover.open(wanted.mark, { focus: wanted.focus, announce: wanted.announce });
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
