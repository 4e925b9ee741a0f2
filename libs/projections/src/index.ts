export * from './projection';
export * from './runtime/projection-runner';
export * from './runtime/progress-bar';
export { checkpoints } from './runtime/checkpoint-store';
