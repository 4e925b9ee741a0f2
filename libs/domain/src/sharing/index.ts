export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './state';
export * from './lawful-basis';
export * from './decider';
export * from './redaction';
