export * from './plan.events';
export * from './plan-content';
export * from './plan-calendar';
export * from './plan.decider';
export * from './achievement';
export * from './plan-document';
export * from './plan-view';
export * from './plan.errors';
