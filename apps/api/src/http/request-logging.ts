import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { PlatformLogger } from '@app/platform';
import { routePatternOf } from './request-context';
import { requestIdOf } from './request-id';

/**
 * Request logging on the platform's logger: one line per request, and every line written
 * while a request is served carries its id (`reqId`). A request's line names the route, not
 * the query or the body, and no header: the token and what a child's record says stay out.
 */
export const requestLogging = (logger: PlatformLogger) =>
  LoggerModule.forRoot({
    pinoHttp: {
      logger,
      genReqId: (req: IncomingMessage, res: ServerResponse) => requestIdOf(req, res),
      quietReqLogger: true,
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // The route pattern is known only once the request is routed: added when the line is written.
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => ({
        ...line,
        route: routePatternOf(req),
      }),
      customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, line: object) => ({
        ...line,
        route: routePatternOf(req),
      }),
      serializers: {
        req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
