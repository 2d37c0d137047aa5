export * from './platform.module';
export * from './clock';
