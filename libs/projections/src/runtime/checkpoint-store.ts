import type { DataSource, EntityManager } from 'typeorm';
import type { Checkpoint } from '@app/event-store';

interface CheckpointRow {
  commit_id: string | null;
  position: string | null;
}

const toCheckpoint = (row: CheckpointRow | undefined): Checkpoint | null =>
  row && row.commit_id !== null && row.position !== null
    ? { commit: BigInt(row.commit_id), position: BigInt(row.position) }
    : null;

/**
 * Projection checkpoints live beside the read models and are only ever written inside
 * the transaction that writes the rows they account for.
 */
export const checkpoints = {
  /** Locks the projection's checkpoint row for the rest of the transaction and returns it. */
  async lock(manager: EntityManager, name: string): Promise<Checkpoint | null> {
    await manager.query(
      `INSERT INTO read_models.projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
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

  /** Makes sure the projection has a checkpoint row (empty until it first applies), so later moves only update. */
  async ensure(manager: EntityManager, name: string): Promise<void> {
    await manager.query(
      `INSERT INTO read_models.projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
  },

  /**
   * Moves the checkpoints of projections that had nothing to apply, in one statement, each
   * only if it still holds what the caller last saw (a rebuild or another runner may have
   * moved it). Committed without waiting for the disk: losing this move in a crash only
   * means reading those events again, to skip them again. Returns the names it moved.
   */
  async moveIdle(
    dataSource: DataSource,
    moves: ReadonlyArray<{ name: string; from: Checkpoint | null; to: Checkpoint }>,
  ): Promise<Set<string>> {
    return dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL synchronous_commit TO off`);
      // TypeORM answers an UPDATE with [rows, row count].
      const [rows]: [Array<{ name: string }>, number] = await manager.query(
        `UPDATE read_models.projection_checkpoints c
            SET commit_id = m.to_commit, position = m.to_position, updated_at = now()
           FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) AS m(name, from_commit, from_position, to_commit, to_position)
          WHERE c.name = m.name AND c.commit_id IS NOT DISTINCT FROM m.from_commit AND c.position IS NOT DISTINCT FROM m.from_position
        RETURNING c.name`,
        [
          moves.map((m) => m.name),
          moves.map((m) => m.from?.commit.toString() ?? null),
          moves.map((m) => m.from?.position.toString() ?? null),
          moves.map((m) => m.to.commit.toString()),
          moves.map((m) => m.to.position.toString()),
        ],
      );
      return new Set(rows.map((r) => r.name));
    });
  },

  /** A new segment starts where its whole projection stood (a projection cut from one into segments goes on, not over). */
  async seed(manager: EntityManager, name: string, from: string): Promise<void> {
    if (name === from) return;
    await manager.query(
      `INSERT INTO read_models.projection_checkpoints (name, commit_id, position)
       SELECT $1, commit_id, position FROM read_models.projection_checkpoints WHERE name = $2
       ON CONFLICT (name) DO NOTHING`,
      [name, from],
    );
  },

  async names(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ name: string }> = await manager.query(`SELECT name FROM read_models.projection_checkpoints`);
    return rows.map((r) => r.name);
  },

  async read(manager: EntityManager, name: string): Promise<Checkpoint | null> {
    const rows: CheckpointRow[] = await manager.query(
      `SELECT commit_id, position FROM read_models.projection_checkpoints WHERE name = $1`,
      [name],
    );
    return toCheckpoint(rows[0]);
  },
};
