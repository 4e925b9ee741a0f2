import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageLocals } from './page-locals';

export const PAGE = Symbol('page');

/**
 * A controller of web pages (ADR 018): the access guard authenticates it by the session
 * cookie (and a form's CSRF token) instead of a bearer token; everything after that, the
 * endpoint's policy and the access log, is the API's. Failures become pages (error-pages.ts).
 */
export const Page = (): ClassDecorator =>
  applyDecorators(SetMetadata(PAGE, true), UseInterceptors(PageLocals), ApiExcludeController());
