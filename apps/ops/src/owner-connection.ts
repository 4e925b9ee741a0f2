import type { PlatformConfig } from '@app/platform';
import { startEmbeddedPostgres } from '@app/platform';

/**
 * The schema owner's connection, which can read every table and create them (ADR 012):
 * MIGRATION_DATABASE_URL, else DATABASE_URL alone, else the embedded database under DATA_DIR.
 */
export async function ownerConnection(
  config: PlatformConfig,
  log: (line: string) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  if (url) return { url, close: async () => undefined };
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
  return { url: embedded.ownerUrl, close: () => embedded.stop() };
}
