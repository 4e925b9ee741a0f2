import type { Logger as TypeOrmLogger } from 'typeorm';

interface DatabaseError {
  readonly code: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

/** A PostgreSQL error (pg's DatabaseError, TypeORM's QueryFailedError): it has a SQLSTATE code. */
export const isDatabaseError = (error: unknown): error is DatabaseError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

/**
 * What failed and where, without the server's message or detail: both can quote the value
 * ("invalid input syntax: …", "Failing row contains (…)").
 */
export function describeDatabaseError(error: DatabaseError): string {
  const where = [error.table, error.column, error.constraint].filter(Boolean).join(' ');
  return `SQLSTATE ${error.code}${where ? ` at ${where}` : ''}`;
}

/**
 * TypeORM's own logger prints a failed query with its parameters: a failing projection
 * would write CAF text and names into the log about once a second. This one names the
 * statement, the PostgreSQL error code and where it failed, and how many values it withheld.
 */
export class QueryLog implements TypeOrmLogger {
  constructor(private readonly write: (line: string) => void) {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const cause = isDatabaseError(error) ? describeDatabaseError(error) : 'not a database error';
    this.write(
      `query failed (${cause}): ${query.replace(/\s+/g, ' ').trim()} [${parameters?.length ?? 0} parameters withheld]`,
    );
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(`database warning: ${String(message)}`);
  }
}
