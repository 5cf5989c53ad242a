// tldts ships its Public Suffix List as a prebuilt, minified ES module beside the unbundled one its
// package.json names. The content script imports that file: bundled from the unbundled sources, the
// 69 KB string of suffix labels is inlined three times by the minifier (page-marker.js +277 KB instead
// of +137 KB). Same code, same API: its types are the package's.
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
