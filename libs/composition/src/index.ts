export { requireDataKeysOpen } from './data-keys-open';
export { openPlatform, systemClock } from './open-platform';
export type { OpenPlatformOptions, PlatformRuntime } from './open-platform';
export { refuseMismatchedSegments } from './projection-segments';
export { refuseRetiredKeys } from './retired-keys';
export { platformSchema } from './schema';
