export type { AliasSpec, TextMatch } from './types';
export { indexKey, lookupKeys, mayOccurIn } from './index-keys';
export { Matcher } from './matcher';
export { foldForSearch } from './fold-for-search';
