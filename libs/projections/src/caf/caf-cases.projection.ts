import type { EntityManager } from 'typeorm';
import type { CafEvent, NamedPractitioner } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { CafAction } from './caf-action.entity';
import { CafCase } from './caf-case.entity';
import { CafContribution } from './caf-contribution.entity';

/** Adds a part to a team member, creating the member on first appearance. */
async function joinTeam(
  manager: EntityManager,
  cafId: string,
  member: NamedPractitioner,
  part: string,
  on: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO read_models.caf_team_members (caf_id, user_id, agency_id, role, name, parts, joined_on)
     VALUES ($1, $2, $3, $4, $5, ARRAY[$6], $7)
     ON CONFLICT (caf_id, user_id) DO UPDATE
        SET name = COALESCE(EXCLUDED.name, caf_team_members.name),
            parts = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(caf_team_members.parts || EXCLUDED.parts) AS p)`,
    [cafId, member.userId, member.agencyId, member.role, member.name ?? null, part, on],
  );
}

async function leaveLead(manager: EntityManager, cafId: string, userId: string): Promise<void> {
  await manager.query(
    `UPDATE read_models.caf_team_members
        SET parts = (SELECT array_agg(DISTINCT p ORDER BY p) FROM unnest(array_remove(parts, 'lead-professional') || ARRAY['former-lead-professional']) AS p)
      WHERE caf_id = $1 AND user_id = $2`,
    [cafId, userId],
  );
}

/**
 * The practitioners' side of each CAF: its status, the team around the child, the lead
 * professional, the integrated action plan, next review, and every contribution as recorded.
 */
export const cafCasesProjection: Projection = {
  name: 'caf-cases',
  eventTypes: [
    'CafStarted',
    'CafContributionRecorded',
    'CafCompleted',
    'TeamAroundTheChildMeetingHeld',
    'LeadProfessionalAppointed',
    'LeadProfessionalHandedOver',
    'IntegratedPlanActionAgreed',
    'IntegratedPlanActionUpdated',
    'CafReviewed',
    'CafClosed',
    CHILD_RECORD_ERASED,
  ],
  tables: ['caf_cases', 'caf_team_members', 'caf_actions', 'caf_contributions'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === CHILD_RECORD_ERASED) {
      // What was assessed and agreed, in words, goes; who took part, when and the statuses stay.
      const childId = erasedChild(recorded);
      await nullColumns(manager, 'caf_cases', ['reason_for_assessment'], childId);
      await nullColumns(manager, 'caf_actions', ['action', 'last_note'], childId);
      await nullColumns(
        manager,
        'caf_contributions',
        ['text', 'withheld_reason', 'correction_reason'],
        childId,
        'caf_id IN (SELECT caf_id FROM read_models.caf_cases WHERE child_id = $1)',
      );
      return;
    }
    const event = { type: recorded.type, data: recorded.data } as unknown as CafEvent;
    const cases = manager.getRepository(CafCase);
    const { cafId } = event.data;
    const touch = { revision: recorded.revision.toString(), updatedAt: recorded.occurredAt };

    switch (event.type) {
      case 'CafStarted': {
        const d = event.data;
        await cases.upsert(
          {
            cafId,
            childId: d.childId,
            status: 'assessing',
            startedBy: d.startedBy.userId,
            startedByAgencyId: d.startedBy.agencyId,
            startedOn: d.startedOn,
            reasonForAssessment: d.reasonForAssessment ?? null,
            ...touch,
          },
          ['cafId'],
        );
        await joinTeam(manager, cafId, d.startedBy, 'started', d.startedOn);
        return;
      }
      case 'CafContributionRecorded': {
        const d = event.data;
        await manager.getRepository(CafContribution).insert({
          cafId,
          contributionId: d.contributionId,
          domain: d.domain,
          element: d.element,
          text: d.text ?? null,
          contributorUserId: d.contributor.userId,
          contributorAgencyId: d.contributor.agencyId,
          contributorRole: d.contributor.role,
          recordedOn: d.recordedOn,
          secondHand: d.secondHand,
          withheldFromFamily: d.withheldFromFamily === true,
          withheldReason: d.withheldReason ?? null,
          supersedes: d.supersedes ?? null,
          correctionReason: d.correctionReason ?? null,
        });
        if (d.supersedes)
          await manager
            .getRepository(CafContribution)
            .update({ cafId, contributionId: d.supersedes }, { supersededBy: d.contributionId });
        await joinTeam(manager, cafId, d.contributor, 'contributor', d.recordedOn);
        await cases.update({ cafId }, touch);
        return;
      }
      case 'CafCompleted':
        await cases.update({ cafId }, { status: 'completed', completedOn: event.data.completedOn, ...touch });
        return;
      case 'TeamAroundTheChildMeetingHeld': {
        const d = event.data;
        for (const attendee of d.attendees) await joinTeam(manager, cafId, attendee, 'tac-attendee', d.heldOn);
        await cases.update({ cafId }, { ...(d.nextReviewOn ? { nextReviewOn: d.nextReviewOn } : {}), ...touch });
        return;
      }
      case 'LeadProfessionalAppointed': {
        const d = event.data;
        await joinTeam(manager, cafId, d.leadProfessional, 'lead-professional', d.appointedOn);
        await cases.update(
          { cafId },
          {
            leadProfessional: d.leadProfessional,
            leadProfessionalUserId: d.leadProfessional.userId,
            leadSince: d.appointedOn,
            ...touch,
          },
        );
        return;
      }
      case 'LeadProfessionalHandedOver': {
        const d = event.data;
        await leaveLead(manager, cafId, d.from.userId);
        await joinTeam(manager, cafId, d.to, 'lead-professional', d.handedOverOn);
        await cases.update(
          { cafId },
          { leadProfessional: d.to, leadProfessionalUserId: d.to.userId, leadSince: d.handedOverOn, ...touch },
        );
        return;
      }
      case 'IntegratedPlanActionAgreed': {
        const d = event.data;
        await manager.getRepository(CafAction).insert({
          cafId,
          actionId: d.actionId,
          childId: d.childId,
          action: d.action ?? null,
          ownerAgencyId: d.ownerAgencyId,
          ownerUserId: d.ownerUserId ?? null,
          dueBy: d.dueBy,
          status: 'agreed',
          agreedOn: d.agreedOn,
          updatedOn: d.agreedOn,
        });
        if (d.ownerUserId)
          await joinTeam(
            manager,
            cafId,
            { userId: d.ownerUserId, agencyId: d.ownerAgencyId, role: 'practitioner' },
            'action-owner',
            d.agreedOn,
          );
        await cases.update({ cafId }, touch);
        return;
      }
      case 'IntegratedPlanActionUpdated': {
        const d = event.data;
        await manager
          .getRepository(CafAction)
          .update(
            { cafId, actionId: d.actionId },
            { status: d.status, lastNote: d.note ?? null, updatedOn: d.updatedOn },
          );
        await cases.update({ cafId }, touch);
        return;
      }
      case 'CafReviewed':
        await cases.update(
          { cafId },
          { lastReviewedOn: event.data.reviewedOn, nextReviewOn: event.data.nextReviewOn ?? null, ...touch },
        );
        return;
      case 'CafClosed':
        await cases.update(
          { cafId },
          {
            status: 'closed',
            closedOn: event.data.closedOn,
            outcome: event.data.outcome,
            nextReviewOn: null,
            ...touch,
          },
        );
        return;
    }
  },
};
