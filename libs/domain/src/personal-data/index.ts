export * from './erasure';
