import 'reflect-metadata';
import { resolve } from 'node:path';
import { requireDataKeysOpen } from '@app/composition';
import { restoreDatabase } from '@app/platform';
import { loadConfig } from '@app/platform';
import { openPlatform } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';
import { rebuildProjections } from '@app/projections';
import { ownerConnection } from './owner-connection';

/**
 * `npm run restore -- <file>`: loads a backup into an empty database (DATABASE_URL and
 * MIGRATION_DATABASE_URL, or a fresh DATA_DIR's embedded one), then opens the platform on it
 * (later migrations and the app role's grants) and rebuilds every read model from the log.
 * Start the API, projector and relay only after it has finished.
 */
async function main(): Promise<void> {
  const [source] = process.argv.slice(2);
  if (!source) {
    process.stderr.write('usage: npm run restore -- <file>\n');
    process.exit(2);
  }
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const owner = await ownerConnection(config, log);
  try {
    await restoreDatabase({ ownerUrl: owner.url, file: resolve(source), binDir: config.postgresClientDir });
  } finally {
    await owner.close();
  }
  const runtime = await openPlatform(config, { log });
  try {
    await requireDataKeysOpen(runtime.pool, runtime.dataKeys);
    await rebuildProjections(runtime.projections, runtime.dataSource);
  } finally {
    await runtime.close();
  }
  log(`restored ${resolve(source)}; read models rebuilt`);
}

main().catch(exitOnStartupFailure('restore'));
