'use strict';
// The extension API namespace: the browser's own `browser` where it has one (Firefox, recent Chrome),
// else webextension-polyfill's promise-based wrapper of `chrome`, which the polyfill itself would
// return in the first case too. Written as CommonJS whose export is a getter, not the namespace:
// - an ES module importing a CommonJS module gets a copy of its exports' properties, and reading
//   every property of Chrome's `browser` makes it build every API binding (`app`, `runtime`,
//   `i18n`…), 6–14 ms in each page's first task with Backstory here;
// - even the first read of `browser` costs Chrome 2 ms or more: made on first use, extension pages
//   and the worker pay it when they need the API. (The content script reads it in its first task all
//   the same: WXT's ContentScriptContext names its events after runtime.id as it is evaluated.)
let namespace;
Object.defineProperty(exports, 'browser', {
  enumerable: true,
  get() {
    if (namespace === undefined) {
      const own = globalThis.browser;
      namespace = own && own.runtime && own.runtime.id ? own : require('webextension-polyfill');
    }
    return namespace;
  },
});
