import { CreateEventStore1763800000000 } from './1763800000000-create-event-store';

export const eventStoreMigrations = [CreateEventStore1763800000000];
