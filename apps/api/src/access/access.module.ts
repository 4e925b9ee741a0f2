import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { ChainAnchors } from '@app/access';
import { SecurityLog } from '@app/access';
import { publishAnchorThroughOutbox } from '@app/integration';
import { Directory } from '@app/access';
import { LocalIssuer } from '@app/access';
import { TokenVerifier } from '@app/access';
import { RestrictedRecords } from '@app/access';
import { WebSessions } from '@app/access';
import type { PlatformConfig } from '@app/platform';
import { PageSessions } from '../pages/page-sessions';
import { CLOCK, CONFIG } from '../http/tokens';
import { ReadModelAccessFacts } from './access-facts';
import { AccessGuard } from './access.guard';
import { AuditController } from './audit.controller';
import { ChainAnchoring } from './chain-anchoring';
import { ChildrenNamedInterceptor } from './children-named.interceptor';
import { DirectoryController } from './directory.controller';
import { RestrictionActs } from './restriction-acts';
import { RestrictionController } from './restriction.controller';
import { AddressLimit, requestLimits, UserLimit } from './request-limits';

/** Identity, the directory, the access and security logs, the guards every request passes and the interceptor every answer passes. */
@Global()
@Module({
  imports: [requestLimits],
  controllers: [AuditController, DirectoryController, RestrictionController],
  providers: [
    { provide: Directory, inject: [DataSource], useFactory: (dataSource: DataSource) => new Directory(dataSource) },
    {
      provide: RestrictedRecords,
      inject: [DataSource, CLOCK],
      useFactory: (dataSource: DataSource, clock: () => Date) => new RestrictedRecords(dataSource, clock),
    },
    {
      provide: AccessLog,
      inject: [DataSource, CLOCK],
      useFactory: (dataSource: DataSource, clock: () => Date) => new AccessLog(dataSource, clock),
    },
    {
      provide: SecurityLog,
      inject: [DataSource, CLOCK],
      useFactory: (dataSource: DataSource, clock: () => Date) => new SecurityLog(dataSource, clock),
    },
    {
      provide: ChainAnchors,
      inject: [DataSource, CLOCK, CONFIG],
      useFactory: (dataSource: DataSource, clock: () => Date, config: PlatformConfig) =>
        ChainAnchors.open(dataSource, clock, config.dataDir, publishAnchorThroughOutbox),
    },
    ChainAnchoring,
    {
      provide: WebSessions,
      inject: [DataSource, CLOCK, CONFIG],
      useFactory: (dataSource: DataSource, clock: () => Date, config: PlatformConfig) =>
        new WebSessions(dataSource, clock, config.web.sessionIdleSeconds),
    },
    PageSessions,
    {
      provide: TokenVerifier,
      inject: [CONFIG, Directory],
      // Without an OIDC provider the platform is its own issuer, with the demo directory seeded.
      useFactory: async (config: PlatformConfig, directory: Directory) => {
        if (config.oidc) return new TokenVerifier(config, null);
        await directory.seedDemo();
        return new TokenVerifier(config, await LocalIssuer.open(config.dataDir));
      },
    },
    ReadModelAccessFacts,
    RestrictionActs,
    // Global guards run in this order: the address budget, then who it is and may they, then the user's budget.
    { provide: APP_GUARD, useClass: AddressLimit },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ChildrenNamedInterceptor },
    { provide: APP_GUARD, useClass: UserLimit },
  ],
  exports: [Directory, AccessLog, PageSessions, RestrictionActs, SecurityLog, ChainAnchors, RestrictedRecords],
})
export class AccessModule {}
