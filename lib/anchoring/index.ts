/**
 * Anchoring: DOM in, selectors out (`describe`); selectors in, Range out (`anchor`). Knows nothing
 * of the extension or its storage.
 */
export type { Selector, TextPositionSelector, TextQuoteSelector } from './selectors';
export { CONTEXT_LENGTH } from './selectors';
export { describe, type DescribeOptions } from './describe';
export { anchor, anchorSliced, anchorWithInfo, type AnchorOptions, type AnchorResult, type SlicedAnchorOptions } from './anchor';
export { DEFAULT_BUDGET, Effort, Slicer } from './effort';
export { DEFAULT_THRESHOLD } from './match-quote';
export { createTextIndex, createTextIndexSliced, UI_ATTRIBUTE, type SlicedOptions, type TextIndex } from './text-index';
