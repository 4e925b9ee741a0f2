import type { EntityManager } from 'typeorm';
import { concern } from '@app/projections';
import { sharingDecision } from '@app/projections';

type Recorded = Record<string, unknown> & { raisedBy?: { agencyId?: string }; proposedBy?: { agencyId?: string } };

/**
 * The records a child-protection file lists, as the school's own record shows them: the
 * concerns in full (the note, the DSL's review, the referral and all that followed) and the
 * decisions to share about safeguarding. `recordedBy`: only what that school recorded itself.
 */
export async function childProtectionFile(
  manager: EntityManager,
  records: readonly string[],
  today: string,
  recordedBy?: string,
) {
  const concerns: Recorded[] = [];
  const sharingDecisions: Recorded[] = [];
  for (const ref of records) {
    const [kind, id] = ref.split(':');
    if (kind === 'concern') {
      const found = (await concern(manager, id, today)) as Recorded | null;
      if (found && (recordedBy === undefined || found.raisedBy?.agencyId === recordedBy)) concerns.push(found);
    } else if (kind === 'sharing') {
      const found = (await sharingDecision(manager, id)) as Recorded | null;
      if (found && (recordedBy === undefined || found.proposedBy?.agencyId === recordedBy))
        sharingDecisions.push(found);
    }
  }
  return { concerns, sharingDecisions };
}
