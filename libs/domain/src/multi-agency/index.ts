export * from './practitioner';
export * from './working-days';
export * from './consent-gate';
