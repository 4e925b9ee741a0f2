export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './state';
export * from './clocks';
export * from './decider';
