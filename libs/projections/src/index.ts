export * from './read-model';
export * from './projection';
export * from './held-rows';
export * from './projection-state';
export * from './projection-runner';
export * from './projections';
export * from './read-model-data-source';
export * from './compare-with-rebuild';
