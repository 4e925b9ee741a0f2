import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * A statement starting with this is prepared once on each connection and reused from then
 * on (a named prepared statement): the server parses and plans it once, not on every call.
 * Only for statements whose text never depends on their values (rows travel as arrays), so
 * a connection holds a bounded number of them.
 */
export const PREPARED = '/* prepared */ ';

const nameOf = (text: string) => `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** The pool's client (TypeORM passes its text and values through unchanged): marked statements go by name. */
export class PreparingClient extends Client {
  // Typed `never` because one signature cannot restate pg's dozen overloads; it forwards them all.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const call = (super.query as (...a: unknown[]) => never).bind(this);
    if (typeof text === 'string' && text.startsWith(PREPARED))
      return call({ name: nameOf(text), text, values: values ?? [] }, callback);
    return call(...args);
  }
}
