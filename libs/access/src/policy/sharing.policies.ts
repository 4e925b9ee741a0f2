import { SCHOOL_STAFF, type Role } from '../directory/roles';
import { isSchoolId } from '@app/domain';
import { fileHolding } from './child-protection-file';
import { safeguardingLeadsOf } from './safeguarding-leads';
import { allow, deny, namedInBody, type Policy, type PolicyContext, roleIn, unnamed } from './policy';

/** Those who hold the child's records here: staff of the child's school, or the MAST worker allocated to the child. */
async function holderOf(context: PolicyContext, childId: string): Promise<string | null> {
  const { actor, facts } = context;
  if (SCHOOL_STAFF.includes(actor.role) && (await facts.schoolOfChild(childId)) === actor.agencyId)
    return `school-of-record:${actor.agencyId}`;
  if (actor.role === 'key-worker' && (await facts.isAllocatedWorker(actor.userId, childId))) return 'allocated-worker';
  return null;
}

/** `writes`: a step on the decision, which a school that only keeps its record after the child left may not take. */
const onTheDecision = (name: string, writes: boolean, alsoRoles: readonly Role[] = []): Policy => ({
  name,
  childLevel: true,
  async decide(context) {
    const found = await context.facts.sharingOf(context.params.sharingId);
    if (!found) return deny('no relationship to this sharing decision');
    if (alsoRoles.includes(context.actor.role)) return allow(`role:${context.actor.role}`, found.childId);
    // A school's decision about safeguarding is part of its child-protection file: it follows the file, not the pupil record.
    if (found.safeguarding && isSchoolId(found.recordedBy) && SCHOOL_STAFF.includes(context.actor.role)) {
      const holding = await fileHolding(context.facts, context.actor.agencyId, {
        recordRef: `sharing:${context.params.sharingId}`,
        recordedBy: found.recordedBy,
        childId: found.childId,
      });
      if (!holding)
        return deny(
          'a decision about safeguarding is seen by the school that made it, and by a new school once it received the child-protection file',
          found.childId,
        );
      if (writes && !holding.current)
        return deny('the child has left this school: it reads what it recorded, it does not add to it', found.childId);
      return allow(holding.basis, found.childId);
    }
    const basis = await holderOf(context, found.childId);
    return basis
      ? allow(basis, found.childId)
      : deny("sharing decisions are made by those who hold the child's records", found.childId);
  },
});

export const sharingPolicies = {
  propose: {
    name: 'sharing.propose',
    childLevel: true,
    async decide(context) {
      const childId = namedInBody(context.body, 'childId');
      if (childId === null) return unnamed('childId');
      const basis = await holderOf(context, childId);
      return basis ? allow(basis, childId) : deny("sharing is proposed by those who hold the child's records", childId);
    },
  } satisfies Policy,
  /** basis, checklist, approval (the domain then requires a DSL or head teacher, never the proposer), decision, disclosures, correction notices. */
  step: onTheDecision('sharing.step', true),
  read: onTheDecision('sharing.read', false, ['dpo']),
  /** An agency's own copy of what was disclosed to it: its practitioners only. */
  received: {
    name: 'sharing.received',
    childLevel: true,
    async decide({ actor, params }) {
      if (actor.agencyId !== params.agencyId || ['parent-carer', 'young-person', 'admin', 'dpo'].includes(actor.role)) {
        return deny("an agency's practitioners see what was disclosed to their agency only");
      }
      return allow(`recipient:${actor.agencyId}`);
    },
  } satisfies Policy,
  audit: { ...roleIn('disclosure-audit', ['dpo']), childLevel: true },
  /** The approval inbox: proposals to share without consent awaiting a DSL's or head teacher's approval. */
  approvals: safeguardingLeadsOf('sharing.approvals'),
};
