import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on for this process (ADR 022): an SDK tracer provider, W3C trace context, and
 * spans sent in batches over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads it
 * and the other OTEL_EXPORTER_OTLP_* variables itself). `exporter`: tests hand in the SDK's
 * in-memory one, exported span by span. Off (null) without either.
 */
export function startTracing(options: {
  readonly endpoint?: string;
  readonly serviceName: string;
  readonly exporter?: SpanExporter;
}): Tracing | null {
  if (!options.endpoint && !options.exporter) return null;
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
