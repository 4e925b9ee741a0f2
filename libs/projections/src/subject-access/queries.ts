import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@app/domain';
import { requestStatus, type RequestStatus } from '@app/domain';

/** With the child's name from the child's record, as the dpo finds them; an erased record says so. */
const REQUEST = `
  r.request_id AS "requestId", r.child_id AS "childId",
  CASE WHEN c.erased THEN 'Record erased' ELSE concat_ws(' ', c.given_name, c.family_name) END AS "childName", kind, requester, identity_check AS "identityCheck", received_on::text AS "receivedOn", clock,
  r.school_id AS "schoolId", first_due_by::text AS "firstDueBy", due_by::text AS "dueBy", extension, recorded_by AS "recordedBy", recorded_at AS "recordedAt",
  answered_on::text AS "answeredOn", breach, response, r.revision
  FROM read_models.subject_access_requests r LEFT JOIN read_models.child_records c USING (child_id)`;

type Row = Record<string, unknown> & { requestId: string; dueBy: IsoDate; answeredOn: IsoDate | null };
export type QueuedRequest = Row & { status: RequestStatus };

const ORDER: Record<RequestStatus, number> = { overdue: 0, due: 1, answered: 2 };
const withStatus =
  (today: IsoDate) =>
  (row: Row): QueuedRequest => ({ ...row, status: requestStatus(row, today) });

/**
 * The dpo's queue on a day: overdue first, then due, each by its day, then answered (latest
 * first), each answered late with its breach and reason.
 */
export async function subjectAccessQueue(
  manager: EntityManager,
  today: IsoDate,
  status?: RequestStatus,
): Promise<QueuedRequest[]> {
  const rows: Row[] = await manager.query(`SELECT ${REQUEST} ORDER BY r.due_by, r.request_id`);
  return (
    rows
      .map(withStatus(today))
      .filter((r) => status === undefined || r.status === status)
      // Stable: rows come by due day, so only the answered are put latest first.
      .sort(
        (a, b) =>
          ORDER[a.status] - ORDER[b.status] ||
          (a.status === 'answered' ? b.answeredOn!.localeCompare(a.answeredOn!) : 0),
      )
  );
}

export async function subjectAccessRequest(
  manager: EntityManager,
  today: IsoDate,
  requestId: string,
): Promise<QueuedRequest | null> {
  const [row]: Row[] = await manager.query(`SELECT ${REQUEST} WHERE r.request_id = $1`, [requestId]);
  return row ? withStatus(today)(row) : null;
}
