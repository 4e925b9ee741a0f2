import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessFacts } from '@app/access';
import { receivedInChildProtectionFile } from '@app/projections';
import { ADULT_FROM, decidesForThemselves, emptyConsentState, standingOn } from '@app/domain';
import { dayOf } from '@app/domain';
import { competenceOf, liveLinkOf } from '@app/projections';
import { CLOCK } from '../http/tokens';

/** Relationships to children, read from the read models the projections keep. */
@Injectable()
export class ReadModelAccessFacts implements AccessFacts {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async schoolOfChild(childId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT school_id FROM read_models.child_records WHERE child_id::text = $1`,
      [childId],
    );
    return row?.school_id ?? null;
  }

  async caseOf(referralId: string): Promise<{ childId: string; schoolId: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id, school_id FROM read_models.mentor_cases WHERE referral_id = $1`,
      [referralId],
    );
    return row ? { childId: row.child_id, schoolId: row.school_id } : null;
  }

  async mastRequestOf(
    requestId: string,
  ): Promise<{ childId: string; schoolId: string; workerId: string | null; listed: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id, school_id, worker_id, panel_date IS NOT NULL AS listed FROM read_models.mast_requests WHERE request_id = $1`,
      [requestId],
    );
    return row ? { childId: row.child_id, schoolId: row.school_id, workerId: row.worker_id, listed: row.listed } : null;
  }

  async isAllocatedWorker(userId: string, childId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM read_models.mast_requests WHERE worker_id = $1 AND child_id = $2 AND status = 'allocated' LIMIT 1`,
      [userId, childId],
    );
    return row !== undefined;
  }

  async cafOf(cafId: string): Promise<{ childId: string; leadUserId: string | null; team: string[] } | null> {
    const [row] = await this.dataSource.query(
      `SELECT c.child_id, c.lead_professional_user_id, c.started_by,
              COALESCE(array_agg(t.user_id) FILTER (WHERE t.user_id IS NOT NULL), '{}') AS team
         FROM read_models.caf_cases c LEFT JOIN read_models.caf_team_members t USING (caf_id)
        WHERE c.caf_id = $1
        GROUP BY c.child_id, c.lead_professional_user_id, c.started_by`,
      [cafId],
    );
    return row
      ? {
          childId: row.child_id,
          leadUserId: row.lead_professional_user_id,
          team: [...new Set<string>([row.started_by, ...row.team])],
        }
      : null;
  }

  async sharingOf(sharingId: string): Promise<{ childId: string; recordedBy: string; safeguarding: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id, proposed_by->>'agencyId' AS recorded_by, 'safeguarding' = ANY(categories) AS safeguarding FROM read_models.sharing_decisions WHERE sharing_id = $1`,
      [sharingId],
    );
    return row ? { childId: row.child_id, recordedBy: row.recorded_by, safeguarding: row.safeguarding } : null;
  }

  async concernOf(
    concernId: string,
  ): Promise<{ childId: string; raisedBy: string; schoolId: string; referred: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id, raised_by->>'userId' AS raised_by, raised_by->>'agencyId' AS school_id, referred_on IS NOT NULL AS referred FROM read_models.concerns WHERE concern_id = $1`,
      [concernId],
    );
    return row
      ? { childId: row.child_id, raisedBy: row.raised_by, schoolId: row.school_id, referred: row.referred }
      : null;
  }

  async moveOf(
    moveId: string,
  ): Promise<{ childId: string; fromSchoolId: string; toSchoolId: string; received: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id, from_school_id, to_school_id, received_on IS NOT NULL AS received FROM read_models.school_moves WHERE move_id = $1`,
      [moveId],
    );
    return row
      ? {
          childId: row.child_id,
          fromSchoolId: row.from_school_id,
          toSchoolId: row.to_school_id,
          received: row.received,
        }
      : null;
  }

  receivedInChildProtectionFile(schoolId: string, recordRef: string): Promise<boolean> {
    return receivedInChildProtectionFile(this.dataSource.manager, schoolId, recordRef);
  }

  async familyLinkOf(
    userId: string,
    childId: string,
  ): Promise<{
    kind: string;
    relationship: string | null;
    childDecidesForThemselves: boolean;
    childIsAdult: boolean;
  } | null> {
    const link = await liveLinkOf(this.dataSource.manager, userId, childId);
    if (!link) return null;
    const [child] = await this.dataSource.query(
      `SELECT date_of_birth::text AS dob FROM read_models.child_records WHERE child_id = $1`,
      [childId],
    );
    const dateOfBirth: string | null = child?.dob ?? null;
    // An erased date of birth leaves no standing to judge: the child is not taken to decide.
    const standing = dateOfBirth
      ? standingOn(
          { ...emptyConsentState, assessments: await competenceOf(this.dataSource.manager, childId) },
          dateOfBirth,
          dayOf(this.clock().toISOString()),
        )
      : null;
    return {
      kind: link.kind,
      relationship: link.relationship,
      childDecidesForThemselves: standing !== null && decidesForThemselves(standing),
      childIsAdult: standing !== null && standing.childAge >= ADULT_FROM,
    };
  }
}
