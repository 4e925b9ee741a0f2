import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOrphanedPostgres } from './orphaned-postgres';

describe('a lock file left in the data dir', () => {
  const databaseDir = mkdtempSync(join(tmpdir(), 'mast-lock-'));
  const lockFile = join(databaseDir, 'postmaster.pid');
  const lines: string[] = [];
  afterAll(() => rmSync(databaseDir, { recursive: true, force: true }));

  it('naming a live process that is no postgres of this dir (its pid reused) is stale, and removed; that process is left alone', async () => {
    writeFileSync(lockFile, `${process.pid}\n${databaseDir}\n`);
    await stopOrphanedPostgres(databaseDir, join(databaseDir, 'owner'), (line) => lines.push(line));
    expect(existsSync(lockFile)).toBe(false);
    expect(lines).toEqual([
      `removing the stale lock file ${lockFile}: process ${process.pid} is not a postgres of this data dir`,
    ]);
  });

  it('naming a process that is gone is left for PostgreSQL, which replaces it', async () => {
    writeFileSync(lockFile, `999999999\n${databaseDir}\n`);
    await stopOrphanedPostgres(databaseDir, join(databaseDir, 'owner'), (line) => lines.push(line));
    expect(existsSync(lockFile)).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
