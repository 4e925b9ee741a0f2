import { CreateEventStore1763800000000 } from './1763800000000-create-event-store';
import { NotifyAfterCommit1765600000000 } from './1765600000000-notify-after-commit';
import { AppendInOneCall1765600000100 } from './1765600000100-append-in-one-call';
import { WrappingKeyIds1765700000000 } from './1765700000000-wrapping-key-ids';

export const eventStoreMigrations = [
  CreateEventStore1763800000000,
  NotifyAfterCommit1765600000000,
  AppendInOneCall1765600000100,
  WrappingKeyIds1765700000000,
];
