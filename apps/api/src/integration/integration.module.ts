import { DynamicModule, Global, Module } from '@nestjs/common';
import type { IntegrationWorkers } from '@app/integration';
import { INTEGRATION_WORKERS, IntegrationStatus } from './integration-status';
import { OutboxController } from './outbox.controller';

/** Outbox and relay status for /health/ready and /metrics (apps/api/src/metrics); `workers` when this process relays. */
@Global()
@Module({})
export class IntegrationModule {
  static forWorkers(workers: IntegrationWorkers | null): DynamicModule {
    return {
      module: IntegrationModule,
      controllers: [OutboxController],
      providers: [{ provide: INTEGRATION_WORKERS, useValue: workers }, IntegrationStatus],
      exports: [IntegrationStatus],
    };
  }
}
