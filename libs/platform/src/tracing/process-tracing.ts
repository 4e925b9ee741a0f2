import type { PlatformConfig } from '../config/config';
import { startTracing, type Tracing } from './tracing';

/** Tracing for one process of the platform, named `mast-<process>` unless OTEL_SERVICE_NAME says otherwise; null when off. */
export const traceProcess = (config: PlatformConfig, process: 'api' | 'projector' | 'relay'): Tracing | null =>
  config.tracing
    ? startTracing({ endpoint: config.tracing.endpoint, serviceName: config.tracing.serviceName ?? `mast-${process}` })
    : null;
