#!/usr/bin/env node
// Does what deploy/Dockerfile does, on this machine, without a Docker engine (CI has none):
// reads the Dockerfile and carries out its instructions itself, each stage in a directory of
// its own standing for the image's filesystem (FROM, WORKDIR, COPY with .dockerignore and
// --from, RUN, ENV, USER, EXPOSE, CMD), then starts the final stage's CMD and asks it for
// /health, and checks the other two commands (projector, relay) start and stop cleanly.
// What it cannot do is say so: the base image is this machine (its Node must be the image's
// major), and USER only names who would run it.
//   node scripts/dockerfile-run.mjs  [PORT=3900 EMBEDDED_POSTGRES_PORT=54360 by default]
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

const context = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dockerfile = join(context, 'deploy/Dockerfile');
const port = process.env.PORT ?? '3900';
const pgPort = process.env.EMBEDDED_POSTGRES_PORT ?? '54360';
const sandbox = mkdtempSync(join(tmpdir(), 'dockerfile-run-'));
// Traversable by others: as root, the embedded PostgreSQL runs initdb as the `postgres` user.
chmodSync(sandbox, 0o755);
const say = (line) => process.stdout.write(`dockerfile-run: ${line}\n`);
const fail = (line) => {
  process.stderr.write(`dockerfile-run: ${line}\n`);
  process.exit(1);
};
// Whatever happens, the stage directories (a whole node_modules each) do not stay behind.
process.on('exit', () => rmSync(sandbox, { recursive: true, force: true }));

// Instructions, with continuation lines joined and comments dropped.
const instructions = readFileSync(dockerfile, 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [, op, rest] = /^(\S+)\s+(.*)$/.exec(l);
    return { op: op.toUpperCase(), rest };
  });

// A chown to a user of the base image (node) that this machine does not have is noted, not failed.
const shims = join(sandbox, 'shims');
mkdirSync(shims);
writeFileSync(
  join(shims, 'chown'),
  `#!/usr/bin/env bash\nowner="\${1%%:*}"\nif id -u "$owner" >/dev/null 2>&1; then exec /usr/bin/chown "$@"; fi\necho "dockerfile-run: (chown $*: user $owner exists in the image only)"\n`,
);
chmodSync(join(shims, 'chown'), 0o755);

const stages = new Map();
let stage;
const inStage = (path) => join(stage.root, isAbsolute(path) ? path : join(stage.workdir, path));
// Absolute paths of the image inside RUN and ENV point into the stage's directory.
const rootPaths = (text) =>
  text.replace(
    /(^|[\s=:])\/(app|var|opt|srv|home|usr\/src)(?=[/\s]|$)/g,
    (_, before, top) => `${before}${stage.root}/${top}`,
  );

/** The build context less .dockerignore, as docker sends it (last matching rule wins, so rsync gets them reversed). */
function copyContext(sources, dest) {
  const rules = existsSync(join(context, '.dockerignore'))
    ? readFileSync(join(context, '.dockerignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const filters = rules.reverse().map((r) => (r.startsWith('!') ? `+ /${r.slice(1)}` : `- /${r}`));
  const filterFile = join(sandbox, 'rsync-filters');
  writeFileSync(filterFile, filters.join('\n') + '\n');
  for (const source of sources) {
    const from = source === '.' ? `${context}/` : join(context, source);
    const to = dest.endsWith('/') || sources.length > 1 || source === '.' ? `${dest}/` : dest;
    mkdirSync(source === '.' || to.endsWith('/') ? dest : dirname(dest), { recursive: true });
    execFileSync('rsync', ['-a', `--filter=merge ${filterFile}`, from, to], { stdio: 'inherit' });
  }
}

for (const { op, rest } of instructions) {
  if (op === 'FROM') {
    const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
    const major = /^node:(\d+)/.exec(image)?.[1];
    if (major && !process.version.startsWith(`v${major}.`))
      fail(`${image} is Node ${major}; this machine runs ${process.version}`);
    stage = {
      name: name ?? String(stages.size),
      root: join(sandbox, `stage-${stages.size}`),
      workdir: '/',
      env: {},
      user: 'root',
      expose: [],
      cmd: null,
    };
    mkdirSync(stage.root, { recursive: true });
    stages.set(stage.name, stage);
    say(`FROM ${image}${name ? ` AS ${name}` : ''}: stage in ${stage.root}`);
  } else if (op === 'WORKDIR') {
    stage.workdir = rest;
    mkdirSync(inStage('.'), { recursive: true });
  } else if (op === 'ENV') {
    for (const [, key, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[key] = value;
  } else if (op === 'COPY') {
    const words = rest.split(/\s+/);
    const from = words[0].startsWith('--from=') ? stages.get(words.shift().slice('--from='.length)) : null;
    const target = words.pop();
    const dest = inStage(target);
    say(`COPY ${rest}`);
    if (from) {
      for (const source of words) {
        const path = join(from.root, isAbsolute(source) ? source : join(from.workdir, source));
        // As docker: a file copied to a directory (`./`) lands in it under its own name.
        const into = target.endsWith('/') && !statSync(path).isDirectory() ? join(dest, basename(path)) : dest;
        cpSync(path, into, { recursive: true });
      }
    } else copyContext(words, dest);
  } else if (op === 'RUN') {
    say(`RUN ${rest}`);
    execFileSync('bash', ['-ec', rootPaths(rest)], {
      cwd: inStage('.'),
      stdio: 'inherit',
      env: { ...process.env, ...stage.env, PATH: `${shims}:${process.env.PATH}` },
    });
  } else if (op === 'USER') {
    stage.user = rest;
  } else if (op === 'EXPOSE') {
    stage.expose.push(rest);
  } else if (op === 'CMD') {
    stage.cmd = JSON.parse(rest);
  } else {
    fail(`${op} is not an instruction this script knows: teach it, or the check means nothing`);
  }
}

const final = stage;
if (!final.cmd) fail('the final stage has no CMD');
const env = Object.fromEntries(Object.entries(final.env).map(([k, v]) => [k, rootPaths(v)]));
// The image listens on 0.0.0.0 inside its own network; here, loopback only.
const runEnv = {
  ...process.env,
  ...env,
  HOST: '127.0.0.1',
  PORT: port,
  EMBEDDED_POSTGRES_PORT: pgPort,
  DATABASE_URL: '',
  MIGRATION_DATABASE_URL: '',
  KAFKA_BROKERS: '',
};
const cwd = inStage('.');

function start(command, extraEnv = {}) {
  const child = spawn(command[0], command.slice(1), {
    cwd,
    env: { ...runEnv, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return { child, exited, output: () => output };
}

async function until(what, test, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let status = 0;
try {
  say(
    `CMD ${final.cmd.join(' ')} (as ${final.user} in the image; EXPOSE ${final.expose.join(' ')}), on 127.0.0.1:${port}`,
  );
  const api = start(final.cmd);
  await until(
    'GET /health',
    async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.ok === true,
    180_000,
  ).catch((e) => {
    throw new Error(`${e.message}; it said:\n${api.output()}`);
  });
  const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
  say(`GET /health 200, /health/ready ${ready.status}`);
  if (ready.status !== 200) throw new Error(`/health/ready answered ${ready.status}: ${await ready.text()}`);
  api.child.kill('SIGTERM');
  const apiExit = await api.exited;
  if (apiExit.code !== 0) throw new Error(`the API exited with ${apiExit.code ?? apiExit.signal} on SIGTERM`);

  const projector = start(['node', 'dist/apps/projector/src/main.js']);
  await until(
    'the projector to follow its projections',
    () => /projector following \d+ projections/.test(projector.output()),
    120_000,
  ).catch((e) => {
    throw new Error(`${e.message}; it said:\n${projector.output()}`);
  });
  projector.child.kill('SIGTERM');
  if ((await projector.exited).code !== 0) throw new Error('the projector did not stop cleanly on SIGTERM');
  say('node dist/apps/projector/src/main.js followed the projections and stopped on SIGTERM');

  const relay = start(['node', 'dist/apps/relay/src/main.js']);
  const relayExit = await relay.exited;
  if (relayExit.code !== 78 || !relay.output().includes('KAFKA_BROKERS'))
    throw new Error(
      `the relay without brokers should stop with 78 naming KAFKA_BROKERS; it exited ${relayExit.code}: ${relay.output()}`,
    );
  say('node dist/apps/relay/src/main.js without KAFKA_BROKERS stops with 78 naming it');
} catch (error) {
  process.stderr.write(`dockerfile-run: ${error instanceof Error ? error.message : String(error)}\n`);
  status = 1;
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
say(status === 0 ? 'the Dockerfile builds and its three commands run' : 'FAILED');
process.exit(status);
