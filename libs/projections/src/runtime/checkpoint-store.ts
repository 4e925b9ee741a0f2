import type { EntityManager } from 'typeorm';
import type { Checkpoint } from '@app/event-store/event-store.port';

interface CheckpointRow {
  commit_id: string | null;
  position: string | null;
}

const toCheckpoint = (row: CheckpointRow | undefined): Checkpoint | null =>
  row && row.commit_id !== null && row.position !== null ? { commit: BigInt(row.commit_id), position: BigInt(row.position) } : null;

/**
 * Projection checkpoints live beside the read models and are only ever written inside
 * the transaction that writes the rows they account for.
 */
export const checkpoints = {
  /** Locks the projection's checkpoint row for the rest of the transaction and returns it. */
  async lock(manager: EntityManager, name: string): Promise<Checkpoint | null> {
    await manager.query(`INSERT INTO read_models.projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
    const rows: CheckpointRow[] = await manager.query(
      `SELECT commit_id, position FROM read_models.projection_checkpoints WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return toCheckpoint(rows[0]);
  },

  async advance(manager: EntityManager, name: string, to: Checkpoint, applied: number): Promise<void> {
    await manager.query(
      `UPDATE read_models.projection_checkpoints
          SET commit_id = $2, position = $3, events_applied = events_applied + $4, updated_at = now()
        WHERE name = $1`,
      [name, to.commit.toString(), to.position.toString(), applied],
    );
  },

  async clear(manager: EntityManager, name: string): Promise<void> {
    await manager.query(
      `UPDATE read_models.projection_checkpoints SET commit_id = NULL, position = NULL, events_applied = 0, updated_at = now() WHERE name = $1`,
      [name],
    );
  },

  async read(manager: EntityManager, name: string): Promise<Checkpoint | null> {
    const rows: CheckpointRow[] = await manager.query(
      `SELECT commit_id, position FROM read_models.projection_checkpoints WHERE name = $1`,
      [name],
    );
    return toCheckpoint(rows[0]);
  },
};
