export * from './decider';
export * from './event-schema';
export * from './actor';
export * from './vocabulary';
export * from './calendar';
export * from './validation';
