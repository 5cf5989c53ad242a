import { render } from 'preact';
import '~/lib/i18n/messages-all';
import { browser } from 'wxt/browser';
import '~/components/page/popover.css';
import './frame.css';
import { SaveForm } from '~/components/page/SaveForm';
import { localizeTitle, resolveLanguage, setLanguage, t } from '~/lib/i18n';
import { unwrapReply, type BackgroundReplies, type BackgroundRequest, type SaveFormEvent } from '~/lib/messages';

/**
 * The save form, as an extension page in a frame inside Backstory's closed shadow root on a web page
 * (components/page/save-surface.tsx): what the reader types here stays in the extension's origin. Its
 * address carries only a one-time token; the passage it saves is taken from the background with it.
 * It talks to the page's content script through the background only (never window.postMessage, which
 * the page could read).
 */
const ask = <T extends BackgroundRequest>(request: T) => unwrapReply<BackgroundReplies[T['type']]>(browser.runtime.sendMessage(request));

const token = location.hash.slice(1);
const tell = (event: SaveFormEvent) => ask({ type: 'save-form-event', token, event }).catch((error) => console.debug('Backstory:', error));
const close = () => void tell({ kind: 'closed' });

/**
 * Escape closes the form when the key is released, not when it goes down: the page's content script
 * removes this frame as soon as it hears of the close, and a frame removed between a key's down and up
 * leaves the browser delivering the release to a frame that is gone (Chromium's DevTools input then
 * never returns). Only an Escape pressed here counts, so the release of one that closed the speaker's
 * drop-down list does not close the form too.
 */
function closeOnEscapeRelease() {
  let pressed = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (event.type === 'keydown') pressed = true;
    else if (pressed) close();
  };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);
}

function reportHeight(element: Element) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== last) void tell({ kind: 'size', height: (last = height) });
  };
  // Measured at once: the browser does not render a frame that is not shown yet (the page's content
  // script shows it once it knows its height), so the observer alone would not fire.
  report();
  new ResizeObserver(report).observe(element);
}

async function main() {
  closeOnEscapeRelease();
  const app = document.getElementById('app')!;
  // The form's first field (the speaker's choice, or the button of an error), focused now: the page's
  // content script gives the frame focus as soon as it knows its height, and the form's own effect runs
  // after the next frame is drawn, which a frame not shown yet does not draw.
  const focusFirst = () => document.querySelector<HTMLElement>('.save-form select, .save-form .secondary')?.focus();
  window.addEventListener('focus', () => {
    if (document.activeElement === document.body) focusFirst();
  });
  await ask({ type: 'ui-language' }).then((setting) => setLanguage(resolveLanguage(setting)), () => undefined);
  localizeTitle('title.saveForm');
  try {
    const input = await ask({ type: 'save-form-take', token });
    render(
      <SaveForm
        quote={input.annotation.quote}
        choices={input.choices}
        proposed={input.proposed}
        onSave={async ({ entityId, tags, comment }) => {
          const saved = await ask({
            type: 'save-annotation',
            annotation: { ...input.annotation, entityId: entityId ?? undefined, tags, comment: comment || undefined },
          });
          await tell({ kind: 'saved', id: saved.id });
        }}
        onClose={close}
      />,
      app,
    );
  } catch (error) {
    render(
      <div class="popover save-form" role="alertdialog" aria-label={t('save.title')}>
        <p class="error" role="alert">
          {error instanceof Error ? error.message : String(error)}
        </p>
        <div class="actions">
          <button type="button" class="secondary" onClick={close}>
            {t('common.close')}
          </button>
        </div>
      </div>,
      app,
    );
  }
  focusFirst();
  reportHeight(app.firstElementChild ?? app);
}

void main();
