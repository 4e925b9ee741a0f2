import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationWorkers } from '@app/integration';
import { outboxStatus, type OutboxStatus } from '@app/integration';
import type { RelayStatus } from '@app/integration';
import type { PlatformRuntime } from '@app/composition';
import { PLATFORM_RUNTIME } from '../http/tokens';

export const INTEGRATION_WORKERS = Symbol('IntegrationWorkers');

export interface IntegrationSnapshot {
  readonly outbox: OutboxStatus;
  /** Null: this process does not relay (no KAFKA_BROKERS, or the relay runs in apps/relay). */
  readonly relay: RelayStatus | null;
}

/** Outbox depth and relay lag (from the table, so any process can tell) and this process's relay. */
@Injectable()
export class IntegrationStatus {
  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    @Inject(INTEGRATION_WORKERS) private readonly workers: IntegrationWorkers | null,
  ) {}

  async snapshot(): Promise<IntegrationSnapshot> {
    return { outbox: await outboxStatus(this.runtime.pool), relay: this.workers?.status() ?? null };
  }
}
