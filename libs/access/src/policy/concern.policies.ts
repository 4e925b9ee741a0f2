import { ALL_SCHOOL_STAFF } from '../directory/roles';
import { fileHolding } from './child-protection-file';
import { allow, deny, namedInBody, type Policy, roleIn, unnamed } from './policy';
import { safeguardingLeadsOf } from './safeguarding-leads';

/** The school reads its own record of a concern; social care reads what was referred to it. */
export type ConcernView = 'school' | 'social-care';
const SCHOOL_VIEW: ConcernView = 'school';
const SOCIAL_CARE_VIEW: ConcernView = 'social-care';

/**
 * A safeguarding concern: the DSL and head teacher of a school that holds it (the school that
 * recorded it, or received it in a child-protection file), the member of staff who raised it,
 * and social care once referred. `writes`: a school the child has left only reads it.
 */
const onTheConcern = (name: string, writes: boolean): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, facts }) {
    const found = await facts.concernOf(params.concernId);
    if (!found) return deny('no relationship to this concern');
    if (actor.role === 'social-worker' && found.referred)
      return allow('referred-to-social-care', found.childId, SOCIAL_CARE_VIEW);
    const refused = deny(
      'safeguarding concerns are seen by the DSL, the head teacher, whoever raised them, and social care once referred',
      found.childId,
    );
    if (!ALL_SCHOOL_STAFF.includes(actor.role)) return refused;
    const holding = await fileHolding(facts, actor.agencyId, {
      recordRef: `concern:${params.concernId}`,
      recordedBy: found.schoolId,
      childId: found.childId,
    });
    if (!holding) return refused;
    if (writes && !holding.current)
      return deny('the child has left this school: it reads what it recorded, it does not add to it', found.childId);
    const lead = actor.role === 'dsl' || actor.role === 'head-teacher';
    const schoolOfRecord = holding.kind === 'school-of-record';
    if (lead)
      return allow(schoolOfRecord ? `safeguarding-lead:${actor.agencyId}` : holding.basis, found.childId, SCHOOL_VIEW);
    if (found.raisedBy === actor.userId && found.schoolId === actor.agencyId)
      return allow(schoolOfRecord ? 'raised-the-concern' : holding.basis, found.childId, SCHOOL_VIEW);
    return refused;
  },
});

export const concernPolicies = {
  raise: {
    name: 'concern.raise',
    childLevel: true,
    async decide({ actor, body, facts }) {
      const childId = namedInBody(body, 'childId');
      if (childId === null) return unnamed('childId');
      if (!ALL_SCHOOL_STAFF.includes(actor.role) || (await facts.schoolOfChild(childId)) !== actor.agencyId)
        return deny("a concern is raised by staff of the child's school", childId);
      return allow(`school-of-record:${actor.agencyId}`, childId);
    },
  } satisfies Policy,
  step: onTheConcern('concern.step', true),
  read: onTheConcern('concern.read', false),
  socialCare: { ...roleIn('social-care.referrals', ['social-worker']), childLevel: true },
  /** The DSL's queue: the school's concerns with their clocks. */
  queue: safeguardingLeadsOf('concern.queue'),
};
