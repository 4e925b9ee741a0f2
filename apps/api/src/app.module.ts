import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { IdempotencyKeys } from '@app/platform';
import type { IntegrationWorkers } from '@app/integration';
import type { PlatformLogger } from '@app/platform';
import type { PlatformRuntime } from '@app/composition';
import { AccessModule } from './access/access.module';
import { ChildrenModule } from './children/children.module';
import { CafModule } from './caf/caf.module';
import { ReferralModule } from './referral/referral.module';
import { ConsentModule } from './consent/consent.module';
import { HealthModule } from './health/health.module';
import { IntegrationModule } from './integration/integration.module';
import { MastModule } from './mast/mast.module';
import { MetricsModule } from './metrics/metrics.module';
import { SharingModule } from './sharing/sharing.module';
import { ConcernModule } from './concern/concern.module';
import { SchoolMoveModule } from './school-move/school-move.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { FamilyModule } from './family/family.module';
import { RetentionModule } from './retention/retention.module';
import { PagesModule } from './pages/pages.module';
import { SafeguardingPagesModule } from './pages/safeguarding-pages.module';
import { SocialCarePagesModule } from './pages/social-care/social-care-pages.module';
import { CafPagesModule } from './pages/caf/caf-pages.module';
import { DpoPagesModule } from './pages/dpo/dpo-pages.module';
import { MastPagesModule } from './pages/mast/mast-pages.module';
import { FamilyPagesModule } from './pages/family/family-pages.module';
import { HttpErrorsFilter } from './http/http-errors.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { PlatformModule } from './http/platform.module';
import { requestLogging } from './http/request-logging';
import { validationPipe } from './http/validation';

/** The API: one module per feature, each behind the access policy. */
@Module({})
export class AppModule {
  /** `integration`: the relay and consumers, when this process hosts them (KAFKA_BROKERS set). */
  static forRuntime(
    runtime: PlatformRuntime,
    integration: IntegrationWorkers | null,
    logger: PlatformLogger,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        requestLogging(logger),
        PlatformModule.forRuntime(runtime),
        IntegrationModule.forWorkers(integration),
        MetricsModule,
        AccessModule,
        HealthModule,
        ChildrenModule,
        ConsentModule,
        ReferralModule,
        MastModule,
        CafModule,
        SharingModule,
        ConcernModule,
        SchoolMoveModule,
        SubjectAccessModule,
        FamilyModule,
        RetentionModule,
        PagesModule,
        SafeguardingPagesModule,
        SocialCarePagesModule,
        CafPagesModule,
        DpoPagesModule,
        MastPagesModule,
        FamilyPagesModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
        {
          provide: IdempotencyKeys,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new IdempotencyKeys(dataSource),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
