import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/policy.decorator';
import { PlatformMetrics } from './platform-metrics';

/**
 * Prometheus scrape endpoint (prom-client): process metrics, HTTP requests by route and
 * status, projection lag, outbox depth and relay lag, failed authentications.
 * Open like the health checks: counts only, nothing about any child (restrict it to the
 * scraper's network at the ingress, deploy/README.md).
 */
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get('metrics')
  @ApiExcludeEndpoint()
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const text = await this.metrics.scrape();
    res.setHeader('Content-Type', this.metrics.contentType);
    return text;
  }
}
