import { CreateEventStore1763800000000 } from './1763800000000-create-event-store';
import { WrappingKeyIds1765700000000 } from './1765700000000-wrapping-key-ids';

export const eventStoreMigrations = [CreateEventStore1763800000000, WrappingKeyIds1765700000000];
