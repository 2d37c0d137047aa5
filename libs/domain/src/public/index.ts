export * from './public-item';
export * from './public-item-builders';
export * from './public-item-type-names';
export * from './complaint-items';
