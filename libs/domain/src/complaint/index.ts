export * from './complaint.events';
export * from './complaint.errors';
export * from './complaint.decider';
export * from './complaint-document';
export * from './complaint-figures';
