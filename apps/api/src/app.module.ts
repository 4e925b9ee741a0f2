import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { PlatformRuntime } from '@app/platform/runtime/open-platform';
import { AccessModule } from './access/access.module';
import { ChildrenModule } from './children/children.module';
import { HealthModule } from './health/health.module';
import { HttpErrorsFilter } from './platform/http-errors.filter';
import { PlatformModule } from './platform/platform.module';
import { validationPipe } from './platform/validation';

/** The API: one module per feature, each behind the access policy. */
@Module({})
export class AppModule {
  static forRuntime(runtime: PlatformRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRuntime(runtime),
        AccessModule,
        HealthModule,
        ChildrenModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
