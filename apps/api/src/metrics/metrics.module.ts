import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '@app/platform';
import { ProjectionRunner } from '@app/projections';
import { IntegrationStatus } from '../integration/integration-status';
import { CONFIG } from '../http/tokens';
import { MetricsController } from './metrics.controller';
import { PlatformMetrics } from './platform-metrics';

/** The one metrics registry of the application, injectable wherever something is counted. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: PlatformMetrics,
      inject: [IntegrationStatus, DataSource, ProjectionRunner, CONFIG],
      useFactory: (
        integration: IntegrationStatus,
        dataSource: DataSource,
        projections: ProjectionRunner,
        config: PlatformConfig,
      ) => new PlatformMetrics({ integration, dataSource, projections, projectionLagKnown: !config.eventStoreUrl }),
    },
  ],
  exports: [PlatformMetrics],
})
export class MetricsModule {}
