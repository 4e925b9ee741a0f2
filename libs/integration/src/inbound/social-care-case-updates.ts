import { createHash } from 'node:crypto';
import { systemActor } from '@app/domain';
import { socialCareCaseDecider, socialCareCaseStream, type SocialCareCaseCommand } from '@app/domain';
import { CommandHandler, DomainRefusal } from '@app/event-store';
import { EventRefusedError, type EventStore } from '@app/event-store';
import { contextOf, inSpan, SpanKind } from '@app/platform';
import { HEADERS } from '../integration-event';
import { integrationContracts, type IntegrationContracts } from '../contracts/contracts';
import type { IncomingMessage, MessagePublisher } from '../kafka/message-publisher.port';
import { deadLetter } from './dead-letters';
import { InboundMessages, positionOf } from './inbound-messages';

export const SOCIAL_CARE_CASE_UPDATES = 'social-care-case-updates.v1';

/** The inbound contract (contracts/v1/social-care-case-updates.schema.json). */
export type SocialCareCaseUpdate = {
  readonly messageId: string;
  readonly caseId: string;
  readonly childRef: string;
} & (
  | { readonly type: 'child-protection-plan-started'; readonly startedOn: string }
  | { readonly type: 'child-protection-plan-ended'; readonly endedOn: string }
  | { readonly type: 'case-closed'; readonly closedOn: string }
);

export function commandOf(update: SocialCareCaseUpdate): SocialCareCaseCommand {
  const { caseId, childRef } = update;
  switch (update.type) {
    case 'child-protection-plan-started':
      return { type: 'RecordChildProtectionPlanStarted', caseId, childRef, startedOn: update.startedOn };
    case 'child-protection-plan-ended':
      return { type: 'RecordChildProtectionPlanEnded', caseId, childRef, endedOn: update.endedOn };
    case 'case-closed':
      return { type: 'RecordSocialCareCaseClosed', caseId, childRef, closedOn: update.closedOn };
  }
}

/** The same message id always yields the same event ids: a replayed append is recognised. */
export function eventIdFor(messageId: string, index: number): string {
  const h = createHash('sha256').update(`${SOCIAL_CARE_CASE_UPDATES}\u0000${messageId}\u0000${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SocialCareCaseUpdatesOptions {
  readonly eventStore: EventStore;
  readonly inbound: InboundMessages;
  /** Sends to the dead-letter topic. */
  readonly publisher: MessagePublisher;
  readonly contracts?: IntegrationContracts;
  readonly log?: (line: string) => void;
  /** The platform clock (ADR 009): when the update was recorded. */
  readonly clock: () => Date;
}

/**
 * social-care-case-updates.v1 -> commands on the social-care case. Each message is dealt
 * with exactly once by its id: applied, or sent to the dead-letter topic with the reason
 * (not JSON, breaks the contract, or refused by the domain). A failure of the platform
 * itself (database, broker) rejects, so the message is delivered again rather than lost.
 */
export class SocialCareCaseUpdates {
  private readonly contracts: IntegrationContracts;
  private readonly log: (line: string) => void;
  private readonly commands: CommandHandler;

  constructor(private readonly options: SocialCareCaseUpdatesOptions) {
    this.contracts = options.contracts ?? integrationContracts;
    this.commands = new CommandHandler({ store: options.eventStore, clock: options.clock });
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  /** Each message in a consumer span, under the sender's trace when it names one (`traceparent`, ADR 022). */
  handle(message: IncomingMessage): Promise<void> {
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': message.topic,
      'messaging.kafka.offset': message.offset,
    };
    return inSpan(
      `consume ${message.topic}`,
      { kind: SpanKind.CONSUMER, parent: contextOf(message.headers[HEADERS.traceparent]), attributes },
      () => this.apply(message),
    );
  }

  private async apply(message: IncomingMessage): Promise<void> {
    const { inbound } = this.options;
    const position = positionOf(message);
    if (await inbound.seen(position)) return; // dead-lettered already; this is a redelivery

    const update = this.read(message);
    if (typeof update === 'string') return this.reject(message, position, 'dead-lettered', update);

    const earlier = await inbound.seen(update.messageId);
    if (earlier) {
      this.log(`inbound ${message.topic}: message ${update.messageId} was ${earlier} before; not applied again`);
      return;
    }

    const streamId = socialCareCaseStream(update.caseId);
    const history = await this.commands.history(streamId);
    if (history.some((e) => e.eventId === eventIdFor(update.messageId, 0))) {
      // Appended before a crash, not yet recorded: record it now, apply nothing twice.
      return inbound.record({ ...where(message), messageId: update.messageId, outcome: 'applied' });
    }
    try {
      await this.commands.execute(socialCareCaseDecider, streamId, commandOf(update), {
        actor: systemActor('social-care-inbound'),
        correlationId: update.messageId,
        causationId: update.messageId,
        eventIdOf: (index) => eventIdFor(update.messageId, index),
      });
    } catch (error) {
      if (error instanceof DomainRefusal)
        return this.reject(message, update.messageId, 'rejected', `refused by the domain: ${error.message}`);
      // Within the contract but not storable (a NUL in a case id, say): set aside, never retried forever.
      if (error instanceof EventRefusedError)
        return this.reject(message, update.messageId, 'rejected', `breaks the event's shape: ${error.reason}`);
      throw error;
    }
    await inbound.record({ ...where(message), messageId: update.messageId, outcome: 'applied' });
  }

  /** The update, or why the message is not one. */
  private read(message: IncomingMessage): SocialCareCaseUpdate | string {
    if (!message.value || message.value.length === 0) return 'empty message';
    let body: unknown;
    try {
      body = JSON.parse(message.value.toString('utf8'));
    } catch (error) {
      return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    const check = this.contracts.check('social-care-case-updates', 1, body);
    return check.valid ? (body as SocialCareCaseUpdate) : `breaks the contract: ${check.reason}`;
  }

  private async reject(
    message: IncomingMessage,
    messageId: string,
    outcome: 'dead-lettered' | 'rejected',
    reason: string,
  ): Promise<void> {
    this.log(`inbound ${message.topic}: ${positionOf(message)} to the dead-letter topic: ${reason}`);
    await deadLetter(this.options.publisher, message, reason);
    await this.options.inbound.record({ ...where(message), messageId, outcome, reason });
  }
}

const where = (m: IncomingMessage) => ({ topic: m.topic, partition: m.partition, offset: m.offset });
