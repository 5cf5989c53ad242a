// The boundaries of the house (README › Architecture), checked by dependency-cruiser on every `npm test`
// (`npm run lint:boundaries`). Paths are as dependency-cruiser sees them: relative to the repository root,
// `~/` imports resolved through tsconfig.depcruise.json (WXT's alias, from .wxt/tsconfig.json), npm packages
// as `node_modules/<name>/…`.
//
// This file checks the source graph *with* type-only imports (tsPreCompilationDeps: 'specify' marks each
// dependency that vanishes at compilation as `pre-compilation-only`, and `import type` ones also as
// `type-only`), so a rule can choose whether a type import counts. The one rule about what the content
// script *runs* is in .dependency-cruiser.content.cjs, which cruises the compiled graph: dependency-cruiser's
// `reachable` rules follow every edge, type-only ones included, and cannot be told to skip them.

/** npm packages the text core may import (pure code: no DOM, no browser, no storage). None today. */
const TEXT_CORE_ALLOWED_PACKAGES = [];

const npm = (name) => `(^|/)node_modules/${name}/`;
const DEXIE = [npm('dexie'), '^dexie$'];
/** Imports that vanish when TypeScript compiles: `import type`, and imports whose names are only used as types. */
const TYPE_ONLY = ['type-only', 'pre-compilation-only', 'type-import'];

/** What the text core must never import, named so the message says which boundary was crossed. */
const TEXT_CORE_FORBIDDEN = [
  ...DEXIE,
  npm('wxt'), // wxt/browser and the rest of the framework
  npm('(@wxt-dev/)?webextension-polyfill'),
  '^lib/platform/', // the `browser` namespace
  '^lib/page/', // the DOM of the page
  '^lib/anchoring/', // DOM ranges and selectors
  '^lib/store/',
  '^lib/background/',
  '^components/',
  '^entrypoints/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'text-core-no-dom-browser-or-store',
      comment:
        'lib/text is the pure text core (folding, tokenizing, matching): it runs in the page, the background and ' +
        'the worker, so it must not import the page layer, the browser API, the store or Dexie. Move the code ' +
        'that needs them out of lib/text, or pass what it needs in as plain data.',
      severity: 'error',
      from: { path: '^lib/text/' },
      to: { path: TEXT_CORE_FORBIDDEN },
    },
    {
      name: 'text-core-imports-only-itself',
      comment:
        'lib/text imports only lib/text and the npm packages listed in TEXT_CORE_ALLOWED_PACKAGES of ' +
        '.dependency-cruiser.cjs (none today). Anything else may drag the DOM, the browser or storage into the ' +
        'text core; if the package is pure code, add it to the list.',
      severity: 'error',
      from: { path: '^lib/text/' },
      to: { pathNot: ['^lib/text/', ...TEXT_CORE_ALLOWED_PACKAGES.map(npm), ...TEXT_CORE_FORBIDDEN] },
    },
    {
      name: 'components-no-dexie',
      comment:
        'Dexie lives only in lib/store: a component asks the store through its functions (e.g. lib/store/live.ts ' +
        'for live queries), never Dexie itself (not even its types).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: DEXIE },
    },
    {
      name: 'components-no-store-db',
      comment:
        'A component does not open or query the database: it calls small functions of lib/store. Importing ' +
        "types from lib/store/db is allowed (they vanish at compilation); importing its values is not.",
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/store/db(/|\\.[cm]?[jt]sx?$)', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'dexie-only-in-store',
      comment:
        'Dexie only in lib/store: entrypoints and the other rooms of lib reach the database through the ' +
        "store's functions. (lib/text and components have rules of their own that say more.)",
      severity: 'error',
      from: { path: '^(lib|entrypoints)/', pathNot: ['^lib/store/', '^lib/text/'] },
      to: { path: DEXIE },
    },
    {
      name: 'messages-is-the-ground-floor',
      comment:
        'lib/messages is the protocol between the page, the background and the extension pages: it declares ' +
        'the types that cross (derived from its valibot schemas) and imports nothing from lib/store, lib/page or ' +
        'components, not even types. The store and the page layer import the protocol, not the other way round.',
      severity: 'error',
      from: { path: '^lib/messages(/|\\.[cm]?[jt]sx?$)' },
      to: { path: '^(lib/store|lib/page|components)/' },
    },
    {
      name: 'lib-is-below-the-views',
      comment:
        'lib/ is the core that the views are built on: it never imports from components/ (Preact views) or ' +
        'entrypoints/. What both need, such as the labels and date formats of lib/format, lives in lib/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'study-renders-nothing',
      comment:
        'lib/study works out what students see (alliances, timeline, questions) as data; components/reader ' +
        'draws it. It imports no Preact and no DOM-bound page code, so every view and export shares it.',
      severity: 'error',
      from: { path: '^lib/study/' },
      to: { path: [npm('preact'), '^lib/page/', '^lib/platform/'] },
    },
    {
      name: 'no-cycles',
      comment:
        'This import is part of a cycle. Break it: move what both sides need into a third module that both ' +
        'import, or pass it in (dependency inversion).',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'This import does not resolve to a file, so the rules above cannot see through it. Fix the path, add ' +
        'the package to package.json, or teach tsconfig.depcruise.json the alias.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build output is not source.
    exclude: { path: ['^\\.output/', '^\\.wxt/'] },
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: 'specify',
    // tsconfig.json, plus the baseUrl that makes the `~/` alias of .wxt/tsconfig.json resolve (see that file).
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    progress: { type: 'none' },
  },
};
