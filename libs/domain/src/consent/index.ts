export * from './events';
export * from './commands';
export * from './state';
export * from './standing';
export * from './competence';
export * from './coverage';
export * from './decider';
