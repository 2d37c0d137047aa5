export * from './gratification.events';
export * from './gratification-exemptions';
export * from './gratification.errors';
export * from './gratification.decider';
export * from './gratification-document';
