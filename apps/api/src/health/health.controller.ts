import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '@app/platform';
import { ProjectionRunner } from '@app/projections';
import { projectionLag } from '@app/projections';
import { Public } from '../access/policy.decorator';
import { IntegrationStatus } from '../integration/integration-status';
import { CONFIG } from '../http/tokens';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRunner,
    @Inject(CONFIG) private readonly config: PlatformConfig,
    private readonly integration: IntegrationStatus,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every projection is within the configured lag. */
  @Get('ready')
  async ready() {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const lag =
      database === 'up' && !this.config.eventStoreUrl
        ? await projectionLag(
            this.dataSource,
            this.projections.projections.map((p) => p.name),
          )
        : [];
    const failing = this.projections.status().filter((s) => s.failure);
    const lagging = lag.filter((l) => l.behind > this.config.projectionMaxLagEvents);
    const body = {
      status: database === 'up' && lagging.length === 0 && failing.length === 0 ? 'ready' : 'not-ready',
      database,
      maxLagEvents: this.config.projectionMaxLagEvents,
      projections: lag,
      // The event each stuck projection cannot apply (id, type, position) and the error, never its data.
      projectionErrors: failing.map((s) => ({ name: s.name, ...s.failure })),
      // Reported, never failing readiness: the API serves while the broker is away (the outbox backs up).
      integration: database === 'up' ? await this.integration.snapshot() : null,
    };
    if (body.status !== 'ready') throw new ServiceUnavailableException(body);
    return body;
  }
}
