import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '@app/platform/config/config';
import { projectionLag } from '@app/projections/runtime/projection-lag';
import { ProjectionRunner } from '@app/projections/runtime/projection-runner';
import { Public } from '../access/policy.decorator';
import { CONFIG } from '../platform/tokens';
import { IntegrationStatus } from './integration-status';
import { prometheusText, type Metric } from './prometheus-text';

/**
 * Prometheus scrape endpoint: outbox depth and relay lag, relay counters, projection lag.
 * Open like the health checks: counts only, nothing about any child (restrict it to the
 * scraper's network at the ingress, deploy/README.md).
 */
@Public()
@Controller()
export class MetricsController {
  constructor(
    private readonly integration: IntegrationStatus,
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRunner,
    @Inject(CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiExcludeEndpoint()
  async metrics(): Promise<string> {
    const { outbox, relay } = await this.integration.snapshot();
    const lag = this.config.eventStoreUrl ? [] : await projectionLag(this.dataSource, this.projections.projections.map((p) => p.name));
    const metrics: Metric[] = [
      { name: 'mast_outbox_depth', help: 'Integration messages waiting in the outbox', type: 'gauge', samples: [{ value: outbox.depth }] },
      {
        name: 'mast_outbox_oldest_unpublished_age_seconds',
        help: 'Age of the oldest unpublished outbox message (relay lag)',
        type: 'gauge',
        samples: [{ value: outbox.oldestUnpublishedAgeSeconds }],
      },
      { name: 'mast_outbox_failed', help: 'Outbox messages that broke their contract and are never published', type: 'gauge', samples: [{ value: outbox.failed }] },
      { name: 'mast_relay_running', help: '1 when this process relays the outbox', type: 'gauge', samples: [{ value: relay ? 1 : 0 }] },
      {
        name: 'mast_relay_published_total',
        help: 'Messages this process published since it started',
        type: 'counter',
        samples: [{ value: relay?.published ?? 0 }],
      },
      {
        name: 'mast_relay_consecutive_failures',
        help: 'Failed publishing attempts in a row (broker unreachable)',
        type: 'gauge',
        samples: [{ value: relay?.consecutiveFailures ?? 0 }],
      },
      {
        name: 'mast_projection_lag_events',
        help: 'Events a projection is behind the log',
        type: 'gauge',
        samples: lag.map((l) => ({ labels: { projection: l.name }, value: l.behind })),
      },
      {
        name: 'mast_projection_failing',
        help: 'A projection stopped on an event it cannot apply: 1, labelled with the event id and type',
        type: 'gauge',
        samples: this.projections.status().flatMap(({ name, failure }) =>
          failure ? [{ labels: { projection: name, event_id: failure.eventId ?? '', event_type: failure.eventType ?? '' }, value: 1 }] : [],
        ),
      },
    ];
    return prometheusText(metrics);
  }
}
