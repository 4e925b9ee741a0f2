import type { DataSource } from 'typeorm';

export interface ProjectionLag {
  readonly name: string;
  /** Events in the log this projection has not applied yet. */
  readonly behind: number;
  readonly eventsApplied: number;
  readonly updatedAt: Date | null;
}

/**
 * How far each projection trails the PostgreSQL log, counted in events after its
 * checkpoint pair (the log index makes this a range scan).
 */
export async function projectionLag(dataSource: DataSource, names: readonly string[]): Promise<ProjectionLag[]> {
  const rows: Array<{ name: string; behind: string; events_applied: string | null; updated_at: Date | null }> =
    await dataSource.query(
      `SELECT n.name,
            (SELECT count(*) FROM event_store.events e
              WHERE c.commit_id IS NULL
                 OR e.transaction_id > c.commit_id::text::xid8
                 OR (e.transaction_id = c.commit_id::text::xid8 AND e.global_position > c.position)) AS behind,
            c.events_applied, c.updated_at
       FROM unnest($1::text[]) AS n(name)
       LEFT JOIN read_models.projection_checkpoints c ON c.name = n.name`,
      [names],
    );
  return rows.map((r) => ({
    name: r.name,
    behind: Number(r.behind),
    eventsApplied: Number(r.events_applied ?? 0),
    updatedAt: r.updated_at,
  }));
}
