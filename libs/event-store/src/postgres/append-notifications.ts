import type { Pool, PoolClient } from 'pg';

type Waiter = () => void;

/**
 * One LISTEN connection per store, shared by its subscriptions, that wakes them when an
 * append commits, and the announcing of this process's own appends. Losing it only slows
 * subscribers down to their polling interval.
 */
export class AppendNotifications {
  static readonly channel = 'event_store_appended';
  private client: PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private readonly waiters = new Set<Waiter>();
  private closed = false;
  private readonly returned = new WeakSet<PoolClient>();
  /** Counts notifications, so a reader can tell whether one arrived while it was busy. */
  generation = 0;
  /** The latest appending transaction notified (each notification names its own). */
  highest = 0n;
  /** An announcement under way, and the latest transaction waiting to be announced after it. */
  private announcing = false;
  private toAnnounce = 0n;

  constructor(private readonly pool: Pool) {}

  /** Resolves on the first notification after generation `seen`, or after `timeoutMs`. */
  async next(seen: number, timeoutMs: number): Promise<void> {
    this.listen();
    if (this.generation !== seen) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /**
   * Tells every listener, this process's subscriptions at once, that `transaction` appended
   * and committed. Announcements go one at a time; those that pile up meanwhile go as one,
   * naming the latest. A NOTIFY takes a database-wide lock until its transaction has committed,
   * so it travels in a transaction of its own that does not wait for the disk: lost in a
   * crash, it only leaves listeners to their polling.
   */
  announce(transaction: bigint): void {
    this.heard(transaction);
    if (transaction > this.toAnnounce) this.toAnnounce = transaction;
    if (this.announcing || this.closed) return;
    this.announcing = true;
    const next = this.toAnnounce;
    this.pool
      .query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify('${AppendNotifications.channel}', $1)`, [
        next.toString(),
      ])
      .catch(() => undefined)
      .finally(() => {
        this.announcing = false;
        if (this.toAnnounce > next) this.announce(this.toAnnounce);
      });
  }

  /** Whether appends wake this process (the LISTEN connection is up): polling is then only a safety net. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Ends every wait now (a subscription stopping must not sleep out its interval); the others just read once more. */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client) {
      const broken = await client.query(`UNLISTEN ${AppendNotifications.channel}`).then(
        () => false,
        () => true,
      );
      this.giveBack(client, broken);
    }
  }

  private heard(transaction: bigint): void {
    // Our own announcement coming back, or one overtaken: nothing new to read.
    if (transaction !== 0n && transaction <= this.highest) return;
    this.generation += 1;
    if (transaction > this.highest) this.highest = transaction;
    this.wakeAll();
  }

  /** Returns the connection to the pool exactly once, whichever of close and a lost connection comes first. */
  private giveBack(client: PoolClient, broken: boolean): void {
    if (this.returned.has(client)) return;
    this.returned.add(client);
    client.removeAllListeners('notification');
    client.release(broken);
  }

  private listen(): void {
    if (this.client || this.connecting || this.closed) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  private async connect(): Promise<void> {
    try {
      const client = await this.pool.connect();
      if (this.closed) {
        client.release();
        return;
      }
      client.on('notification', (message) =>
        this.heard(/^\d+$/.test(message.payload ?? '') ? BigInt(message.payload!) : 0n),
      );
      // A lost connection (server restart, database dropped) is handed back broken; polling carries on.
      client.on('error', () => {
        if (this.client === client) this.client = null;
        this.giveBack(client, true);
      });
      await client.query(`LISTEN ${AppendNotifications.channel}`);
      this.client = client;
    } catch {
      // Polling carries on; the next wait tries to listen again.
    }
  }
}
