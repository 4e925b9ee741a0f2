import pino, { type DestinationStream, type Logger } from 'pino';
import type { PlatformConfig } from '../config/config';

/** LOG_LEVEL speaks Nest's words; pino calls `log` `info`. */
const pinoLevel: Record<PlatformConfig['logLevel'], pino.Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/**
 * Whatever a line carries, these never reach the log: the bearer token, cookies, request
 * and response bodies (children's records), and SQL parameters (the values of a failing write).
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'res.headers["set-cookie"]',
  'body',
  'parameters',
  '*.body',
  '*.parameters',
];

export type PlatformLogger = Logger;

/** The process's one structured (JSON lines) logger; `destination` defaults to stdout. */
export function createPlatformLogger(
  level: PlatformConfig['logLevel'] | 'silent',
  destination?: DestinationStream,
): PlatformLogger {
  return pino(
    {
      level: level === 'silent' ? 'silent' : pinoLevel[level],
      redact: { paths: REDACTED_PATHS, censor: '[withheld]' },
      // ISO times read at a glance; this is the log's own time, not a recorded fact (ADR 009 covers those).
      timestamp: pino.stdTimeFunctions.isoTime,
      base: { pid: process.pid },
    },
    destination,
  );
}
