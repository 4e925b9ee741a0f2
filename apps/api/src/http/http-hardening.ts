import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import helmet from 'helmet';
import { isPageRequest } from '../pages/error-pages';
import { pageStyleSource } from '../sharing/subject-access-page';

/** OpenAPI's explorer loads its own scripts and styles; everything else the API serves is data. */
const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');

/**
 * The API's pages (the subject-access report) may load nothing, run no script, be framed
 * by no one and post nowhere: their only style is allowed by its hash.
 */
const strict = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'style-src': [pageStyleSource],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  },
});
const docs = helmet();

/**
 * The web pages (ADR 018) load their own styles and scripts and post only to themselves;
 * GOV.UK Frontend's one inline script runs by this response's nonce.
 */
const pages = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
    },
  },
});

/**
 * Security headers on every response; `Cache-Control: no-store` on all but the docs, since
 * almost every answer carries a child's data and no shared cache or browser history may keep it.
 */
export function hardenHttp(app: INestApplication, trustProxyHops: number): void {
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // Behind N proxies, the client is the Nth address from the right of X-Forwarded-For (0: the socket's).
  express.set('trust proxy', trustProxyHops);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isDocs(req.path)) return docs(req, res, next);
    res.setHeader('Cache-Control', 'no-store');
    if (isPageRequest(req)) {
      res.locals.cspNonce = randomBytes(16).toString('base64');
      return pages(req, res, next);
    }
    return strict(req, res, next);
  });
}
