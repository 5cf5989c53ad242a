// tldts ships its Public Suffix List as a prebuilt, minified ES module beside the unbundled one its
// package.json names. site.ts imports that file: bundled from the unbundled sources, the 69 KB string
// of suffix labels is inlined three times by the minifier (about +290 KB in background.js instead of
// +137 KB). Same code, same API: its types are the package's.
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
