import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IntegrationWorkers } from '@app/integration/integration-workers';
import type { PlatformRuntime } from '@app/platform/runtime/open-platform';
import { AppModule } from './app.module';
import { documentIdempotencyKey } from './platform/idempotency.interceptor';
import { assignRequestId } from './platform/request-id';

/** Builds the HTTP application around an opened platform (used by main and the e2e tests). */
export async function createApiApplication(
  runtime: PlatformRuntime,
  options: { logger?: false; integration?: IntegrationWorkers | null } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRuntime(runtime, options.integration ?? null), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: true,
  });
  app.enableShutdownHooks();
  app.use(assignRequestId);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Multi-agency integration platform')
      .setDescription('Referrals, consent, CAF, MAST panel and audited information sharing')
      .addBearerAuth()
      .build(),
  );
  documentIdempotencyKey(document);
  SwaggerModule.setup('docs', app, document);
  return app;
}
