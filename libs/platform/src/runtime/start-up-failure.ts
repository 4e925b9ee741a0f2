import { inspect } from 'node:util';
import { ConfigError } from '../config/config';

/**
 * What went wrong, in words: a message, else an error code, with the errors an AggregateError
 * gathers (a refused connection to every address of a host has no message of its own) and
 * the causes it wraps. Never "undefined".
 */
export function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return `a non-error was thrown: ${inspect(error)}`;
  const code = (error as { code?: unknown }).code;
  const own = error.message || (typeof code === 'string' ? code : error.name);
  const gathered =
    error instanceof AggregateError && error.errors.length > 0 ? ` (${error.errors.map(causeOf).join('; ')})` : '';
  const cause = error.cause !== undefined ? `, caused by ${causeOf(error.cause)}` : '';
  return `${own}${gathered}${cause}`;
}

/**
 * The end of every process whose start failed: one line naming the cause first, the stack
 * after it for whoever debugs. A configuration mistake exits 78 (EX_CONFIG), anything else 1.
 */
export function exitOnStartupFailure(what: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
    process.stderr.write(`${what} failed: ${causeOf(error)}${stack}\n`);
    process.exit(1);
  };
}
