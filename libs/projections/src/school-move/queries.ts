import type { EntityManager } from 'typeorm';
import { inBreach, transferClockState } from '@app/domain';

const MOVE = `
  m.move_id AS "moveId", m.child_id AS "childId", c.given_name AS "givenName", c.family_name AS "familyName", m.from_school_id AS "fromSchoolId",
  m.to_school_id AS "toSchoolId", m.starts_on::text AS "startsOn", m.recorded_by AS "recordedBy", m.recorded_at AS "recordedAt", m.records,
  m.transfer_due_by::text AS "transferDueBy", m.sent_on::text AS "sentOn", m.sent_by AS "sentBy", m.school_day AS "schoolDay", m.transfer_breach AS "transferBreach",
  m.receipt_due_by::text AS "receiptDueBy", m.received_on::text AS "receivedOn", m.received_by AS "receivedBy", m.receipt_breach AS "receiptBreach", m.revision`;

type MoveRow = Record<string, unknown> & {
  childId: string;
  records: string[];
  transferDueBy: string | null;
  sentOn: string | null;
  transferBreach: { dueBy: string; reason: string } | null;
  receiptDueBy: string | null;
  receivedOn: string | null;
  receiptBreach: { dueBy: string; reason: string } | null;
};

/** A move with its file's two clocks as they stand on the day asked, and whether either is in breach. */
function withClocks(row: MoveRow, today: string) {
  const { transferDueBy, sentOn, transferBreach, receiptDueBy, receivedOn, receiptBreach, ...move } = row;
  if (transferDueBy === null) return { ...move, childProtectionFile: null };
  const transfer = { dueBy: transferDueBy, metOn: sentOn, breach: transferBreach };
  const receipt = { dueBy: receiptDueBy, metOn: receivedOn, breach: receiptBreach };
  const clocks = {
    transfer: { ...transfer, state: transferClockState(transfer, today) },
    receipt: { ...receipt, state: transferClockState(receipt, today) },
  };
  return {
    ...move,
    childProtectionFile: { ...clocks, inBreach: inBreach(clocks.transfer.state) || inBreach(clocks.receipt.state) },
  };
}

/** One move, as both schools see it. The reason is kept for the move's own read. */
export async function schoolMove(manager: EntityManager, moveId: string, today: string) {
  const [row] = await manager.query(
    `SELECT ${MOVE}, m.reason FROM read_models.school_moves m LEFT JOIN read_models.child_records c ON c.child_id = m.child_id WHERE m.move_id = $1`,
    [moveId],
  );
  return row ? withClocks(row, today) : null;
}

/**
 * A DSL's list: the child-protection files their school sends (children who left) and
 * receives (children who joined), each with its clocks; a breach shows on both schools' lists.
 */
export async function childProtectionTransfers(manager: EntityManager, schoolId: string, today: string) {
  const rows: MoveRow[] = await manager.query(
    `SELECT ${MOVE}, CASE WHEN m.from_school_id = $1 THEN 'sending' ELSE 'receiving' END AS direction
       FROM read_models.school_moves m LEFT JOIN read_models.child_records c ON c.child_id = m.child_id
      WHERE (m.from_school_id = $1 OR m.to_school_id = $1) AND m.transfer_due_by IS NOT NULL
      ORDER BY m.transfer_due_by, m.move_id`,
    [schoolId],
  );
  return rows.map((row) => withClocks(row, today));
}

/** Whether a school holds a record because it received, and confirmed, a child-protection file containing it. */
export async function receivedInChildProtectionFile(
  manager: EntityManager,
  schoolId: string,
  recordRef: string,
): Promise<boolean> {
  const [row] = await manager.query(
    `SELECT 1 FROM read_models.school_moves WHERE to_school_id = $1 AND received_on IS NOT NULL AND records ? $2 LIMIT 1`,
    [schoolId, recordRef],
  );
  return row !== undefined;
}

/**
 * What a school's child-protection file for a child holds when the child leaves: the concerns
 * raised there, its decisions to share about safeguarding, and what it received itself from
 * an earlier school. Found by the platform, never named by the caller.
 */
export async function childProtectionRecords(
  manager: EntityManager,
  childId: string,
  schoolId: string,
): Promise<string[]> {
  const rows: Array<{ ref: string }> = await manager.query(
    `SELECT 'concern:' || concern_id AS ref FROM read_models.concerns WHERE child_id = $1 AND raised_by->>'agencyId' = $2
     UNION SELECT 'sharing:' || sharing_id FROM read_models.sharing_decisions WHERE child_id = $1 AND proposed_by->>'agencyId' = $2 AND 'safeguarding' = ANY(categories)
     UNION SELECT jsonb_array_elements_text(records) FROM read_models.school_moves WHERE child_id = $1 AND to_school_id = $2 AND received_on IS NOT NULL
     ORDER BY 1`,
    [childId, schoolId],
  );
  return rows.map((row) => row.ref);
}
