import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { keyHighlightRules } from './lib/platform/keyed-highlights';

/** In Chromium builds, the marks' stylesheet with its rules keyed to the root (see lib/platform/keyed-highlights.ts). */
const keyedHighlights = (browser: string): Plugin => ({
  name: 'backstory:keyed-highlights',
  enforce: 'pre',
  transform(code, id) {
    if (browser === 'firefox' || !/\/assets\/highlights\.css(\?|$)/.test(id)) return null;
    return { code: keyHighlightRules(code), map: null };
  },
});

// Extension pages load nothing remote: scripts and styles come from the package itself. Web pages may
// frame only what is web-accessible (the save form, save-form.html); no other extension page can be
// framed by a page whatever this says, as the browser refuses to load resources not listed below.
const extensionPagesCsp = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' http: https:";

export default defineConfig({
  // Manifest V3 for Firefox too: the CSS Custom Highlight API needs Firefox 140, which has MV3 throughout.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: (env) => ({
    plugins: [preact(), keyedHighlights(env.browser)],
    // `browser` as @wxt-dev/webextension-polyfill gives it, minus the cost of its ES-module wrapper on
    // every page (see lib/platform/browser-namespace.cjs). Listed first, so it wins over the module's alias.
    resolve: { alias: [{ find: /^wxt\/browser$/, replacement: fileURLToPath(new URL('./lib/platform/browser.mjs', import.meta.url)) }] },
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    // Name, description and the commands' descriptions in the browser's language: public/_locales/*/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used (tests/unit/platform/manifest-permissions.test.ts checks it): the database in IndexedDB,
    // never evicted nor capped (unlimitedStorage; chrome.storage is not used, so no `storage`); `tabs` to
    // read the URL of a tab that Backstory's popup or reading mode names in its address (?tab=ID), which
    // `activeTab` does not grant; the context menu; Chrome's side panel.
    permissions: ['unlimitedStorage', 'tabs', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    content_security_policy: { extension_pages: extensionPagesCsp },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: 'Backstory' },
    // What the content script loads after its first task (the marker) and on first use (the popover,
    // the save form, the anchoring of saved passages); import() from a content script needs the files to be web-accessible. In Chrome
    // only under the dynamic URL that runtime.getURL gives, new each session, so that a page cannot
    // tell Backstory is installed by fetching them at the extension's fixed id (Firefox's extension
    // URLs are random per profile already). The save form (save-form.html) is an extension page the
    // content script frames inside its closed shadow root, so that what the reader types there never
    // passes through the page's document.
    web_accessible_resources: [
      {
        resources: ['page-marker.js', 'page-ui.js', 'page-saved.js', 'save-form.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Marks take no focus, so keyboard users move between names with these.
    commands: {
      'next-name': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdNextName__' },
      'previous-name': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_cmdPreviousName__' },
      'save-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdSaveSelection__' },
      'read-with-backstory': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_cmdReadWithBackstory__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '140.0',
              // Backstory sends nothing anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
