export * from './events';
export * from './commands';
export * from './state';
export * from './decider';
export * from './parents-view';
export * from './shown';
