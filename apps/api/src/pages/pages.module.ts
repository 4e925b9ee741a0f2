import { Module } from '@nestjs/common';
import { SchoolPagesModule } from './school/school-pages.module';
import { OidcSignIn } from './oidc-sign-in';
import { FrontDoorController, SessionController } from './session.controller';
import { SignInController } from './sign-in.controller';

/**
 * The web pages (ADR 018): served by the API process, each page behind the policy of the
 * API endpoint it shows, through the same guard and access log. Audiences' pages are
 * modules of their own (school, MAST) beside this one.
 */
@Module({
  imports: [SchoolPagesModule],
  controllers: [FrontDoorController, SignInController, SessionController],
  providers: [OidcSignIn],
})
export class PagesModule {}
