import type { NextFunction, Request, Response } from 'express';
import type { PlatformMetrics } from './platform-metrics';

/**
 * Times every request into the histogram by route pattern (`/children/:childId`, never the
 * id), so a client probing random paths cannot grow the label set: unmatched paths share one.
 */
export const measureHttpRequests = (metrics: PlatformMetrics) => (req: Request, res: Response, next: NextFunction) => {
  const done = metrics.httpRequests.startTimer();
  res.once('finish', () => done({ method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched', status: String(res.statusCode) }));
  next();
};
