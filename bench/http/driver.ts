import { Agent, request } from 'node:http';
import { percentile } from '../support/percentile';
import type { LoadResult, LoadStep, ReadBackResult } from './load';

/**
 * The load driver, a process of its own (forked by bench/http/main.ts) so that its timers do
 * not share an event loop with the API it measures. At a fixed rate each request has a
 * scheduled time and its latency is counted from that time, not from when it was sent: a
 * server that stalls is charged for every request that should have gone out meanwhile (no
 * coordinated omission). Unconstrained, `connections` requests are kept open back to back.
 * With `readBack`, a created thing is read from its `Location` as soon as its 201 has arrived,
 * again every millisecond until it answers 200, on connections of its own (the paced requests
 * keep theirs): read-your-writes as a client sees it.
 */
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function run(step: LoadStep): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: step.rate === null ? step.connections : 1024 });
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let sent = 0;
  let open = 0;
  let peakOpen = 0;
  let lastDone = 0;
  const fail = (kind: string) => (failures[kind] = (failures[kind] ?? 0) + 1);
  const target = new URL(step.url);
  const readBack = readBackOf(step, target);
  const once = (from: number) =>
    new Promise<void>((resolve) => {
      sent += 1;
      open += 1;
      peakOpen = Math.max(peakOpen, open);
      const finish = (error?: string) => {
        open -= 1;
        if (error) fail(error);
        else latencies.push(now() - from);
        lastDone = now();
        resolve();
      };
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: step.method,
          headers: step.headers,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            finish(res.statusCode! >= 200 && res.statusCode! < 300 ? undefined : `HTTP ${res.statusCode}`);
            if (res.statusCode === 201 && res.headers.location) readBack?.created(res.headers.location);
          });
          res.on('error', (e) => finish(e.message));
        },
      );
      req.on('error', (e) => finish((e as NodeJS.ErrnoException).code ?? e.message));
      req.end(step.body);
    });

  const started = now();
  const until = started + step.seconds * 1000;
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.then(() => pending.delete(p));
  };
  if (step.rate === null) {
    const loop = async () => {
      while (now() < until) await once(now());
    };
    await Promise.all(Array.from({ length: step.connections }, loop));
  } else {
    const interval = 1000 / step.rate;
    let next = 0;
    while (now() < until) {
      // Every request whose time has come goes out, however late the timer woke.
      while (started + next * interval <= now() && started + next * interval < until) {
        track(once(started + next * interval));
        next += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(1, started + next * interval - now()))));
    }
    await Promise.race([
      Promise.all([...pending]),
      new Promise((resolve) => setTimeout(resolve, step.drainSeconds * 1000)),
    ]);
    if (open > 0) failures['not answered in time'] = open;
  }
  const readBackResult = await readBack?.finish();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const errors = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    sent,
    completed: latencies.length,
    errors,
    failures,
    achieved: latencies.length / ((Math.max(lastDone, until) - started) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    peakOpen,
    readBack: readBackResult,
  };
}

/** Reads back one in `every` created things; each gives up `giveUpSeconds` after its 201. */
function readBackOf(step: LoadStep, target: URL) {
  if (!step.readBack) return undefined;
  const { every, giveUpSeconds } = step.readBack;
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const { 'content-type': _body, ...headers } = step.headers;
  const lags: number[] = [];
  const reading = new Set<Promise<void>>();
  let created = 0;
  let notReadable = 0;
  let retried = 0;
  const firstAnswers: Record<string, number> = {};
  let closed = false;
  /** The status of one GET, or why there was none; it gives up when the read-back does. */
  const status = (path: string, timeout: number) =>
    new Promise<number | string>((resolve) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path, method: 'GET', headers, timeout },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
          res.on('error', (e) => resolve(e.message));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) => resolve(e.message));
      req.end();
    });
  const read = async (location: string) => {
    const from = now();
    const deadline = from + giveUpSeconds * 1000;
    for (let attempt = 0; ; attempt += 1) {
      const answer = await status(location, Math.max(1, deadline - now()));
      if (answer === 200) {
        lags.push(now() - from);
        if (attempt > 0) retried += 1;
        return;
      }
      if (attempt === 0) {
        const kind = typeof answer === 'number' ? `HTTP ${answer}` : answer;
        firstAnswers[kind] = (firstAnswers[kind] ?? 0) + 1;
      }
      if (now() >= deadline) {
        notReadable += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return {
    created(location: string) {
      created += 1;
      if (closed || (created - 1) % every !== 0) return;
      const p = read(location);
      reading.add(p);
      void p.then(() => reading.delete(p));
    },
    /** Waits for every read-back under way (each bounded by its deadline); later 201s are not sampled. */
    async finish(): Promise<ReadBackResult> {
      closed = true;
      await Promise.all([...reading]);
      agent.destroy();
      lags.sort((a, b) => a - b);
      return {
        sampled: lags.length + notReadable,
        p50: percentile(lags, 50),
        p99: percentile(lags, 99),
        max: lags.at(-1) ?? Number.NaN,
        notReadable,
        retried,
        firstAnswers,
      };
    },
  };
}

process.on('message', (step: LoadStep) => {
  run(step).then(
    (result) => process.send!({ result }),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
