import { Client } from 'pg';

/**
 * Readers of the event log and the outbox relay read rows in commit order, by the xid8 of the
 * transaction that wrote them, and only below the oldest running transaction (ADR 002, 004).
 * Those ids belong to the server that wrote them: on another server (a restore after losing
 * the machine) they can be ahead of its transaction counter, so restored rows would stay
 * invisible and new rows would sort before them. Every restored row therefore gets the id of
 * the restoring transaction: below anything this server assigns later, visible once it
 * commits, and in its old global order (global_position, outbox id break the tie).
 * Runs before the post-data section, so the append-only trigger is not there yet.
 */
export async function rebaseCommitOrder(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE event_store.events SET transaction_id = pg_current_xact_id()');
    await client.query('UPDATE integration.outbox SET transaction_id = pg_current_xact_id()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
