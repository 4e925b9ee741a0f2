import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IntegrationWorkers } from '@app/integration';
import { createPlatformLogger, type PlatformLogger } from '@app/platform';
import type { PlatformRuntime } from '@app/composition';
import { AppModule } from './app.module';
import { measureHttpRequests } from './metrics/http-metrics';
import { PlatformMetrics } from './metrics/platform-metrics';
import { documentDomainErrors } from './http/error-catalogue';
import { hardenHttp } from './http/http-hardening';
import { documentIdempotencyKey } from './http/idempotency.interceptor';
import { configurePages } from './pages/views';
import { assignRequestId } from './http/request-id';
import { requireJsonBodies } from './http/json-bodies';
import { traceRequests } from './http/request-tracing';

/**
 * Builds the HTTP application around an opened platform (used by main and the e2e tests).
 * `logger`: the process's logger (false: silent); absent: JSON lines on stdout at LOG_LEVEL.
 */
export async function createApiApplication(
  runtime: PlatformRuntime,
  options: { logger?: PlatformLogger | false; integration?: IntegrationWorkers | null } = {},
): Promise<INestApplication> {
  const logger =
    options.logger === false
      ? createPlatformLogger('silent')
      : (options.logger ?? createPlatformLogger(runtime.config.logLevel));
  const app = await NestFactory.create(AppModule.forRuntime(runtime, options.integration ?? null, logger), {
    bufferLogs: true,
    bodyParser: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.use(traceRequests);
  hardenHttp(app, runtime.config.trustProxyHops);
  app.use(measureHttpRequests(app.get(PlatformMetrics)));
  app.use(assignRequestId);
  app.use(requireJsonBodies);
  configurePages(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Multi-agency integration platform')
      .setDescription('Referrals, consent, CAF, MAST panel and audited information sharing')
      .addBearerAuth()
      .build(),
  );
  documentIdempotencyKey(document);
  documentDomainErrors(document);
  SwaggerModule.setup('docs', app, document);
  return app;
}
