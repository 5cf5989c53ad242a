'use strict';
// The extension API namespace: the browser's own `browser` where it has one (Firefox, recent Chrome),
// else webextension-polyfill's promise-based wrapper of `chrome`, which the polyfill itself would
// return in the first case too. Written as CommonJS that exports an object holding the namespace,
// not the namespace itself: an ES module importing a CommonJS module gets a copy of its exports'
// properties, and reading every property of Chrome's `browser` makes it build every API binding
// (`app`, `runtime`, `i18n`…), 6–14 ms on each page's first task here.
const own = globalThis.browser;
exports.browser = own && own.runtime && own.runtime.id ? own : require('webextension-polyfill');
