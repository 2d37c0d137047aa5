export * from './public-item';
export * from './public-item-builders';
