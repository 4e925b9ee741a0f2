import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

interface RunningProcess {
  readonly parentPid: number;
  readonly argv: readonly string[];
}

/** A live process's parent and arguments; null when it is gone (a zombie counts as gone: it holds nothing). */
function runningProcess(pid: number): RunningProcess | null {
  if (existsSync('/proc/self/stat')) {
    try {
      // The command name in /proc/<pid>/stat is parenthesised and may hold spaces: read after its last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, parentPid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return null;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .filter((arg) => arg !== '');
      return { parentPid: Number(parentPid), argv };
    } catch {
      return null;
    }
  }
  try {
    const [parentPid, state, ...argv] = execFileSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], {
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/);
    return state?.startsWith('Z') ? null : { parentPid: Number(parentPid), argv };
  } catch {
    return null;
  }
}

const servesDir = (process: RunningProcess, databaseDir: string): boolean => {
  const dir = process.argv.indexOf('-D');
  return (
    basename(process.argv[0] ?? '') === 'postgres' &&
    dir > 0 &&
    resolve(process.argv[dir + 1] ?? '') === resolve(databaseDir)
  );
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (let waited = 0; waited < withinMs; waited += 100) {
    if (!runningProcess(pid)) return true;
    await sleep(100);
  }
  return !runningProcess(pid);
}

export class EmbeddedPostgresInUse extends Error {
  constructor(databaseDir: string, pid: number, ownerPid: number) {
    super(
      `the embedded PostgreSQL of ${databaseDir} (pid ${pid}) belongs to process ${ownerPid}, which is still running: ` +
        'stop that process first, or let both processes share a server through DATABASE_URL',
    );
    this.name = 'EmbeddedPostgresInUse';
  }
}

/**
 * The embedded PostgreSQL is a child of the process that started it; killed with SIGKILL, that
 * process cannot stop it, and the server lives on holding the data dir's lock file and its port,
 * so no later start could open the database. Before a start, the server postmaster.pid names is
 * found; if it really is a postgres of this data dir, and its owner (recorded in `ownerFile`) is
 * no longer its parent, it is shut down (fast shutdown, then immediate; crash recovery covers
 * either). A lock file naming a process that is not such a postgres is stale and removed.
 */
export async function stopOrphanedPostgres(
  databaseDir: string,
  ownerFile: string,
  log: (line: string) => void,
): Promise<void> {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const server = runningProcess(pid);
  if (!server) return; // PostgreSQL replaces a lock file whose process is gone.
  if (!servesDir(server, databaseDir)) {
    log(`removing the stale lock file ${lockFile}: process ${pid} is not a postgres of this data dir`);
    rmSync(lockFile);
    return;
  }
  const ownerPid = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : null;
  // Without an owner record (a data dir from before this check), only a server adopted by init is known to be orphaned.
  const owned = ownerPid === null ? server.parentPid !== 1 : server.parentPid === ownerPid;
  if (owned) throw new EmbeddedPostgresInUse(databaseDir, pid, server.parentPid);
  log(
    `stopping the orphaned embedded PostgreSQL (pid ${pid}) of ${databaseDir}: the process that started it ended without stopping it`,
  );
  process.kill(pid, 'SIGINT');
  if (await exited(pid, 15_000)) return;
  log(`the orphaned embedded PostgreSQL (pid ${pid}) did not stop within 15 s: stopping it immediately`);
  process.kill(pid, 'SIGQUIT');
  if (!(await exited(pid, 10_000)))
    throw new Error(`the orphaned embedded PostgreSQL of ${databaseDir} (pid ${pid}) would not stop; stop it by hand`);
}

/** Records this process as the owner of the server it has just started (see stopOrphanedPostgres). */
export function recordOwner(ownerFile: string): void {
  writeFileSync(ownerFile, String(process.pid));
}
