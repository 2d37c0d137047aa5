export * from './envelope';
export * from './deployment-key';
export * from './personal-data';
