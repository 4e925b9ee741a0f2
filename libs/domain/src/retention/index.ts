export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './decider';
export * from './schedule';
export * from './review-clock';
