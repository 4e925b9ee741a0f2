import type { EntityManager } from 'typeorm';
import type { RetentionEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { eachWithoutKeys } from '../erasure/forget';

const json = (value: unknown) => JSON.stringify(value ?? null);

/** The words of a decision (reasons, the requester's name) are the child's personal data and go with the key. */
const PERSONAL_KEYS = ['reason', 'reasons', 'requesterName'];

/**
 * The dpo's retention view, one row per child: the review queue (status `due`), the records
 * and their periods, legal holds, and every decision, erasure requests included, in order.
 */
export const retentionReviewsProjection: Projection = {
  name: 'retention-reviews',
  eventTypes: [
    'RetentionReviewDue',
    'RecordDisposed',
    'RetentionExtended',
    'LegalHoldPlaced',
    'LegalHoldLifted',
    'ErasureRequested',
    'ErasureDecided',
    'ErasureNoticeIssued',
    'ChildRecordErased',
  ],
  tables: ['retention_reviews'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    const event = { type: recorded.type, data: recorded.data } as unknown as RetentionEvent;
    const { childId } = event.data;
    const at = recorded.occurredAt;
    await manager.query(
      `INSERT INTO read_models.retention_reviews (child_id, status, updated_at) VALUES ($1, 'retained', $2) ON CONFLICT (child_id) DO NOTHING`,
      [childId, at],
    );
    const record = (set: string, entry: Record<string, unknown>, values: unknown[] = []) =>
      manager.query(
        `UPDATE read_models.retention_reviews SET ${set}${set ? ', ' : ''}decisions = decisions || $2::jsonb, updated_at = $3 WHERE child_id = $1`,
        [childId, json([{ decision: event.type, ...entry }]), at, ...values],
      );
    switch (event.type) {
      case 'RetentionReviewDue': {
        const d = event.data;
        await record(
          `status = 'due', due_on = $4, listed_on = $5, records = $6`,
          { reviewId: d.reviewId, dueOn: d.dueOn, on: d.listedOn },
          [d.dueOn, d.listedOn, json(d.records)],
        );
        return;
      }
      case 'RecordDisposed':
        await record(`status = 'disposed'`, {
          reviewId: event.data.reviewId,
          by: event.data.decidedBy,
          at: event.data.decidedAt,
        });
        return;
      case 'RetentionExtended': {
        const d = event.data;
        await record(
          `status = 'kept', kept_until = $4`,
          { reviewId: d.reviewId, keepUntil: d.keepUntil, reason: d.reason, by: d.decidedBy, at: d.decidedAt },
          [d.keepUntil],
        );
        return;
      }
      case 'LegalHoldPlaced': {
        const d = event.data;
        const hold = { holdId: d.holdId, reason: d.reason, placedBy: d.placedBy, placedAt: d.placedAt, liftedAt: null };
        await record(
          `holds = holds || $4::jsonb`,
          { holdId: d.holdId, reason: d.reason, by: d.placedBy, at: d.placedAt },
          [json([hold])],
        );
        return;
      }
      case 'LegalHoldLifted': {
        const d = event.data;
        await record(
          `holds = (SELECT jsonb_agg(CASE WHEN h->>'holdId' = $4 THEN h || jsonb_build_object('liftedAt', $5::text, 'liftedBy', $6::jsonb) ELSE h END) FROM jsonb_array_elements(holds) h)`,
          { holdId: d.holdId, reason: d.reason, by: d.liftedBy, at: d.liftedAt },
          [d.holdId, d.liftedAt, json(d.liftedBy)],
        );
        return;
      }
      case 'ErasureRequested': {
        const d = event.data;
        await record('', {
          requestId: d.requestId,
          requesterKind: d.requester?.kind ?? null,
          requesterName: d.requester?.name ?? null,
          receivedOn: d.receivedOn,
          by: d.recordedBy,
          at: d.recordedAt,
        });
        return;
      }
      case 'ErasureDecided': {
        const d = event.data;
        await record('', {
          requestId: d.requestId,
          outcome: d.outcome,
          ground: d.ground ?? null,
          exemption: d.exemption ?? null,
          reasons: d.reasons,
          by: d.decidedBy,
          at: d.decidedAt,
        });
        return;
      }
      case 'ErasureNoticeIssued': {
        const d = event.data;
        await record('', {
          noticeId: d.noticeId,
          requestId: d.requestId,
          disclosureId: d.disclosureId,
          recipientAgencyId: d.recipientAgencyId,
          at: d.issuedAt,
        });
        return;
      }
      case 'ChildRecordErased': {
        const d = event.data;
        await record(
          `status = 'erased', erased_at = $4, erased_cause = $5`,
          { cause: d.cause, by: d.erasedBy, at: d.erasedAt },
          [d.erasedAt, d.cause],
        );
        // Every decision stays in the view, without its words.
        await manager.query(
          `UPDATE read_models.retention_reviews SET decisions = ${eachWithoutKeys('decisions', PERSONAL_KEYS)}, holds = ${eachWithoutKeys('holds', PERSONAL_KEYS)} WHERE child_id = $1`,
          [childId],
        );
        return;
      }
    }
  },
};
