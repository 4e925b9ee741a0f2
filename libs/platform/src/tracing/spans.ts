import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
} from '@opentelemetry/api';

/**
 * The platform's spans (ADR 022). With tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT) the API's
 * no-op tracer makes each of these nearly free and injects no trace context anywhere.
 * Attributes name kinds of things (event types, topics, projections, routes), never a person:
 * no names, no child ids, no payloads, no error messages (they can quote a payload).
 */
const tracer = () => trace.getTracer('mast-platform');

export { SpanKind };

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** Where the span hangs: a trace context carried in a message or an event; absent, the active one. */
  readonly parent?: Context;
}

export async function inSpan<T>(
  name: string,
  { kind = SpanKind.INTERNAL, attributes, parent }: SpanOptions,
  work: () => Promise<T>,
): Promise<T> {
  const base = parent ?? context.active();
  const span = tracer().startSpan(name, { kind, attributes }, base);
  return context.with(trace.setSpan(base, span), async () => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace context as a W3C `traceparent`, to carry in an event or a message; undefined with tracing off. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The trace context a `traceparent` names; undefined when there is none, so nothing starts a trace of its own. */
export function contextOf(traceparent: string | undefined): Context | undefined {
  if (!traceparent) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, { traceparent });
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/** A span open across work that is not one function call (a batch send): its own trace context to carry on, and its end. */
export interface OpenSpan {
  readonly traceparent: string | undefined;
  end(error?: unknown): void;
}

export function openSpan(name: string, { kind = SpanKind.INTERNAL, attributes, parent }: SpanOptions): OpenSpan {
  const base = parent ?? context.active();
  const span = tracer().startSpan(name, { kind, attributes }, base);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(base, span), carrier);
  return {
    traceparent: carrier.traceparent,
    end(error?: unknown) {
      if (error !== undefined)
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      span.end();
    },
  };
}
