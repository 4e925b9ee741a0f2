import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own logger prints a failed query with its parameters: a failing projection
 * would write CAF text and names into the log about once a second. This one names the
 * statement, the PostgreSQL error code and where it failed, and how many values it withheld.
 * The server's message is left out too: it can quote the value ("invalid input syntax: …").
 */
export class QueryLog implements TypeOrmLogger {
  constructor(private readonly write: (line: string) => void) {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const pg = (typeof error === 'object' ? error : {}) as { code?: string; table?: string; column?: string; constraint?: string };
    const where = [pg.table, pg.column, pg.constraint].filter(Boolean).join(' ');
    this.write(`query failed (SQLSTATE ${pg.code ?? 'unknown'}${where ? ` at ${where}` : ''}): ${query.replace(/\s+/g, ' ').trim()} [${parameters?.length ?? 0} parameters withheld]`);
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(`database warning: ${String(message)}`);
  }
}
