export * from './decider';
export * from './event-schema';
export * from './actor';
