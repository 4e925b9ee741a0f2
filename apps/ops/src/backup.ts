import { resolve } from 'node:path';
import { backUpDatabase } from '@app/platform';
import { loadConfig } from '@app/platform';
import { exitOnStartupFailure } from '@app/platform';
import { ownerConnection } from './owner-connection';

/**
 * `npm run backup -- <file>`: the event log, the wrapped data keys, the access log and the
 * outbox in one consistent pg_dump file. Safe while the platform runs. The key-encryption
 * key is not in it (it is a secret, kept apart): without it the personal data in the file
 * cannot be read, with it a restore can.
 */
async function main(): Promise<void> {
  const [target] = process.argv.slice(2);
  if (!target) {
    process.stderr.write('usage: npm run backup -- <file>\n');
    process.exit(2);
  }
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const owner = await ownerConnection(config, log);
  try {
    await backUpDatabase({ ownerUrl: owner.url, file: resolve(target), binDir: config.postgresClientDir });
  } finally {
    await owner.close();
  }
  log(`backup written to ${resolve(target)}`);
}

main().catch(exitOnStartupFailure('backup'));
