export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './state';
export * from './consent-gate';
export * from './checks';
export * from './decider';
