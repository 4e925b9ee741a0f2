export { anEvent } from './event-store-contract';
export { fixtureInstant } from './fixture-instant';
