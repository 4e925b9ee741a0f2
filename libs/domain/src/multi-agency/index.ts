export * from './values';
export * from './working-days';
export * from './consent-gate';
