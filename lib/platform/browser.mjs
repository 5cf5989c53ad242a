// What `wxt/browser` resolves to in the build (wxt.config.ts): the same `browser` that
// @wxt-dev/webextension-polyfill gives, without copying every property of the native namespace.
import namespace from './browser-namespace.cjs';

export const browser = namespace.browser;
