import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { AuthenticationFailure } from '@app/access';
import { projectionLag } from '@app/projections';
import type { ProjectionRunner } from '@app/projections';
import type { IntegrationStatus } from '../integration/integration-status';

export interface MetricSources {
  readonly integration: IntegrationStatus;
  readonly dataSource: DataSource;
  readonly projections: ProjectionRunner;
  /** EventStoreDB keeps no lag table: projection lag is then not reported. */
  readonly projectionLagKnown: boolean;
}

/**
 * Every metric the API exposes at /metrics, in one registry per application (tests open
 * several in one process). Two kinds: counters and histograms that code increments where
 * the thing happens (inject PlatformMetrics), and gauges read from the database or the
 * runners when scraped (set in `refresh`). A new metric is one field here, and either.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'mast_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly failedAuthentications = new Counter({
    name: 'mast_failed_authentications_total',
    help: 'Requests refused for want of a valid token, by reason (the security log has each one)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  private readonly outboxDepth = this.gauge('mast_outbox_depth', 'Integration messages waiting in the outbox');
  private readonly relayLag = this.gauge(
    'mast_outbox_oldest_unpublished_age_seconds',
    'Age of the oldest unpublished outbox message (relay lag)',
  );
  private readonly outboxFailed = this.gauge(
    'mast_outbox_failed',
    'Outbox messages that broke their contract and are never published',
  );
  private readonly relayRunning = this.gauge('mast_relay_running', '1 when this process relays the outbox');
  private readonly relayFailures = this.gauge(
    'mast_relay_consecutive_failures',
    'Failed publishing attempts in a row (broker unreachable)',
  );
  private readonly relayPublished = new Counter({
    name: 'mast_relay_published_total',
    help: 'Messages this process published since it started',
    registers: [this.registry],
  });
  private readonly projectionLagEvents = new Gauge({
    name: 'mast_projection_lag_events',
    help: 'Events a projection is behind the log',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private readonly projectionFailing = new Gauge({
    name: 'mast_projection_failing',
    help: 'A projection stopped on an event it cannot apply: 1, labelled with the event id and type',
    labelNames: ['projection', 'event_id', 'event_type'] as const,
    registers: [this.registry],
  });
  private publishedCounted = 0;

  constructor(private readonly sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reads the scrape-time gauges, then renders the registry in Prometheus text format. */
  async scrape(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async refresh(): Promise<void> {
    const { outbox, relay } = await this.sources.integration.snapshot();
    this.outboxDepth.set(outbox.depth);
    this.relayLag.set(outbox.oldestUnpublishedAgeSeconds);
    this.outboxFailed.set(outbox.failed);
    this.relayRunning.set(relay ? 1 : 0);
    this.relayFailures.set(relay?.consecutiveFailures ?? 0);
    // The relay keeps its own running total; the counter follows it (and starts again with a new relay).
    const published = relay?.published ?? 0;
    if (published < this.publishedCounted) {
      this.relayPublished.reset();
      this.publishedCounted = 0;
    }
    this.relayPublished.inc(published - this.publishedCounted);
    this.publishedCounted = published;
    // Only the projections stuck now: one that recovered leaves no stale series behind.
    this.projectionFailing.reset();
    for (const { name, failure } of this.sources.projections.status()) {
      if (failure)
        this.projectionFailing.set(
          { projection: name, event_id: failure.eventId ?? '', event_type: failure.eventType ?? '' },
          1,
        );
    }
    if (!this.sources.projectionLagKnown) return;
    for (const lag of await projectionLag(
      this.sources.dataSource,
      this.sources.projections.projections.map((p) => p.name),
    )) {
      this.projectionLagEvents.set({ projection: lag.name }, lag.behind);
    }
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }

  countFailedAuthentication(reason: AuthenticationFailure): void {
    this.failedAuthentications.inc({ reason });
  }
}
