export * from './public-item';
export * from './public-items';
