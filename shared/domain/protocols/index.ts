/** Pure rules of the library of protocols: review dates, status changes, search, Word import. */
export * from './review';
export * from './search';
export * from './status';
export * from './word-import';
