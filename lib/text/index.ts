export type { AliasSpec, TextMatch } from './types';
export { indexKey, lookupKeys, lookupKeysOf, mayOccurIn, pageWordsOf, type PageWords } from './index-keys';
export { Matcher } from './matcher';
export { foldForSearch } from './fold-for-search';
