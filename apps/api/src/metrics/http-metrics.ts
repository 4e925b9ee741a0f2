import type { NextFunction, Request, Response } from 'express';
import { routePatternOf } from '../http/request-context';
import type { PlatformMetrics } from './platform-metrics';

/** Times every request into the histogram by method, route pattern and status. */
export const measureHttpRequests = (metrics: PlatformMetrics) => (req: Request, res: Response, next: NextFunction) => {
  const done = metrics.httpRequests.startTimer();
  res.once('finish', () => done({ method: req.method, route: routePatternOf(req), status: String(res.statusCode) }));
  next();
};
