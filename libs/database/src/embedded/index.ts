export * from './embedded-cluster';
