export * from './audit-finding.events';
export * from './audit-finding.decider';
export * from './follow-up-rules';
export * from './finding-document';
export * from './audit-finding.errors';
export * from './recommendation-status-names';
