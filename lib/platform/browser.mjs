// What `wxt/browser` resolves to in the build (wxt.config.ts): the same `browser` that
// @wxt-dev/webextension-polyfill gives, read on first use (see browser-namespace.cjs).
export { browser } from './browser-namespace.cjs';
