export * from './embedded-cluster';
export * from './data-dir';
