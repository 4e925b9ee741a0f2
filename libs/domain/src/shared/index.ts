export * from './decider';
export * from './event-schema';
export { checkPayload, type Fields, type Shape } from './payload-shape';
export * from './actor';
export * from './vocabulary';
export * from './calendar';
export * from './validation';
