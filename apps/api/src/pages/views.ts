import { type INestApplication, Logger } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import nunjucks from 'nunjucks';
import { PAGES_PATH } from './page-sessions';

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const govukDist = join(packageDir('govuk-frontend'), 'dist');

/** Built by scripts/build-pages.mjs: the Sass compiled, beside the templates. */
export const ASSETS_DIR = join(__dirname, 'assets');

/**
 * Nunjucks for the pages (ADR 018): our templates first, then GOV.UK Frontend's and MoJ
 * Frontend's macros. Autoescape on: every value a template prints is escaped unless marked.
 */
export function configurePages(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance();
  const env = nunjucks.configure([join(__dirname, 'views'), govukDist, packageDir('@ministryofjustice/frontend')], {
    autoescape: true,
    express,
  });
  env.addFilter('day', (iso: unknown) =>
    typeof iso === 'string' && iso ? dayFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '',
  );
  env.addFilter('dateTime', (iso: unknown) =>
    typeof iso === 'string' && iso ? dateTimeFormat.format(new Date(iso)) : '',
  );
  express.set('view engine', 'njk');
  app.use(`${PAGES_PATH}/assets`, serveStatic(ASSETS_DIR, { index: false }));
  app.use(`${PAGES_PATH}/assets/govuk`, serveStatic(join(govukDist, 'govuk'), { index: false }));
  app.use(PAGES_PATH, cookieParser(), renderSafely);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

const logger = new Logger('Pages');

/** A template that fails is a plain 500 page, never Express's stack-trace page. */
function renderSafely(_request: Request, response: Response, next: NextFunction): void {
  const render = response.render.bind(response);
  response.render = ((view: string, options?: object) =>
    render(view, options ?? {}, (error: Error | null, html?: string) => {
      if (error) {
        logger.error(`page ${view} failed to render: ${error.message}`);
        response.status(500).type('text/plain').send('Sorry, there is a problem with the service. Try again later.');
        return;
      }
      response.send(html);
    })) as Response['render'];
  next();
}
