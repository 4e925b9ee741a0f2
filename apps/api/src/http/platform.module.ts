import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '@app/projections';
import type { PlatformRuntime } from '@app/composition';
import { Decisions } from './decisions';
import { CALENDAR, CLOCK, CONFIG, EVENT_STORE, PLATFORM_RUNTIME, SCHOOL_CALENDARS } from './tokens';

/** Makes the process's PlatformRuntime injectable everywhere. */
@Global()
@Module({})
export class PlatformModule {
  static forRuntime(runtime: PlatformRuntime): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: PLATFORM_RUNTIME, useValue: runtime },
        { provide: CONFIG, useValue: runtime.config },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: ProjectionRunner, useValue: runtime.projections },
        { provide: CALENDAR, useValue: runtime.calendar },
        { provide: SCHOOL_CALENDARS, useValue: runtime.schoolCalendars },
        { provide: CLOCK, useValue: runtime.clock },
        Decisions,
      ],
      exports: [
        PLATFORM_RUNTIME,
        CONFIG,
        DataSource,
        EVENT_STORE,
        ProjectionRunner,
        CALENDAR,
        SCHOOL_CALENDARS,
        CLOCK,
        Decisions,
      ],
    };
  }
}
