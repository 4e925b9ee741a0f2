import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` on the embedded PostgreSQL, killed with SIGKILL as a crash or an OOM killer
 * would: the database server it started outlives it. The next start must stop that orphan
 * and answer /health, and a start that cannot proceed must say why.
 */
describe('the API restarts after a kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mast-crash-'));
  // As root, PostgreSQL runs as the `postgres` user, who must reach the data dir.
  chmodSync(dataDir, 0o755);
  const started: ChildProcess[] = [];
  let apiPort = 0;
  let databasePort = 0;

  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });

  interface Api {
    readonly process: ChildProcess;
    output(): string;
    exited: Promise<number | null>;
  }

  /** The API as `npm start` runs it (main.ts, here through ts-node rather than a build). */
  const startApi = (): Api => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: join(__dirname, '..', '..'),
        env: {
          ...process.env,
          PORT: String(apiPort),
          EMBEDDED_POSTGRES_PORT: String(databasePort),
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          EVENTSTORE_URL: '',
          KAFKA_BROKERS: '',
          LOG_LEVEL: 'log', // "API listening" is an info line
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    started.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { process: child, output: () => output, exited };
  };

  const health = async (): Promise<number | null> => {
    try {
      return (await fetch(`http://127.0.0.1:${apiPort}/health`, { signal: AbortSignal.timeout(2000) })).status;
    } catch {
      return null;
    }
  };

  const healthy = async (api: Api, withinMs: number): Promise<void> => {
    const deadline = Date.now() + withinMs;
    let gone = false;
    void api.exited.then(() => (gone = true));
    while (Date.now() < deadline && !gone) {
      // Our API, not whatever else may have taken the port since it was found free.
      if (api.output().includes('API listening') && (await health()) === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(
      `the API did not answer /health within ${withinMs} ms${gone ? ' (it exited)' : ''}:\n${api.output()}`,
    );
  };

  const postgresPid = (): number =>
    Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return !/^\S+ \(.*\) Z/.test(existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '');
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    apiPort = await freePort();
    databasePort = await freePort();
  });

  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (existsSync(join(dataDir, 'postgres', 'postmaster.pid')) && alive(postgresPid()))
      process.kill(postgresPid(), 'SIGQUIT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the orphaned database server and answers /health again; a second API on the same data dir is refused, naming why', async () => {
    const first = startApi();
    await healthy(first, 120_000);
    const orphan = postgresPid();

    first.process.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // the crash left the database server running, holding its port

    const second = startApi();
    await healthy(second, 90_000);
    expect(second.output()).toContain(`stopping the orphaned embedded PostgreSQL (pid ${orphan})`);
    expect(alive(orphan)).toBe(false);
    expect(postgresPid()).not.toBe(orphan);

    // A live owner is not an orphan: its server is left alone, and the refusal says whose it is.
    const third = startApi();
    expect(await third.exited).toBe(1);
    expect(third.output()).toMatch(
      new RegExp(
        `start-up failed: the embedded PostgreSQL of .* belongs to process ${second.process.pid}, which is still running`,
      ),
    );
    expect(third.output()).not.toContain('undefined');
    expect(await health()).toBe(200);

    const server = postgresPid();
    second.process.kill('SIGTERM');
    // 0 from the API's own shutdown, or 143 (128 + SIGTERM) from embedded-postgres's exit hook when it finishes first.
    expect([0, 143]).toContain(await second.exited);
    expect(alive(server)).toBe(false);
  }, 300_000);
});
