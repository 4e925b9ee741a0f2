import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { CLOCK, EVENT_STORE } from './tokens';

export type { CommandContext as DecisionContext, Decided } from '@app/event-store';
export { DomainRefusal } from '@app/event-store';

/** Milliseconds a command waits for the in-process read models to include its events. */
const READ_YOUR_WRITES_MS = 3000;

/** The platform's one write path (CommandHandler), injectable; it waits for this process's read models. */
@Injectable()
export class Decisions extends CommandHandler {
  constructor(@Inject(EVENT_STORE) store: EventStore, projections: ProjectionRunner, @Inject(CLOCK) clock: () => Date) {
    super({ store, clock, readYourWrites: (checkpoint) => projections.waitFor(checkpoint, READ_YOUR_WRITES_MS) });
  }
}
