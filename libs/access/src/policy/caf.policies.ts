import { SCHOOL_STAFF, type Role } from '../directory/roles';
import { allow, deny, namedInBody, type Policy, type PolicyContext, roleIn, unnamed } from './policy';

/** Practitioners outside schools who work with children across agencies. */
const AGENCY_PRACTITIONERS: readonly Role[] = ['key-worker', 'social-worker', 'practitioner', 'lead-professional'];

const caf = async ({ params, facts }: PolicyContext) => facts.cafOf(params.cafId);

/** Staff of the child's school, or a practitioner of another agency: 003 §1a, a CAF is contributed to by any agency. */
async function contributor(context: PolicyContext, childId: string): Promise<string | null> {
  const { actor, facts } = context;
  if (AGENCY_PRACTITIONERS.includes(actor.role)) return `caf-contributor:${actor.agencyId}`;
  if (SCHOOL_STAFF.includes(actor.role) && (await facts.schoolOfChild(childId)) === actor.agencyId)
    return `school-of-record:${actor.agencyId}`;
  return null;
}

/** The team around the child: the lead professional, everyone who has taken part, and the child's school. */
const onTheTeam = (name: string): Policy => ({
  name,
  childLevel: true,
  async decide(context) {
    const found = await caf(context);
    if (!found) return deny('no relationship to this CAF');
    if (found.leadUserId === context.actor.userId) return allow('lead-professional', found.childId);
    if (found.team.includes(context.actor.userId)) return allow('team-around-the-child', found.childId);
    if (
      SCHOOL_STAFF.includes(context.actor.role) &&
      (await context.facts.schoolOfChild(found.childId)) === context.actor.agencyId
    ) {
      return allow(`school-of-record:${context.actor.agencyId}`, found.childId);
    }
    return deny('not on the team around this child', found.childId);
  },
});

/** Steps anyone contributing may take; the rest coordinate the CAF and are the team's. */
const CONTRIBUTING_STEPS = ['contributions', 'corrections', 'views', 'action-updates'];

export const cafPolicies = {
  /** Started by the child's school or the MAST worker allocated to the child. */
  start: {
    name: 'caf.start',
    childLevel: true,
    async decide({ actor, body, facts }) {
      const childId = namedInBody(body, 'childId');
      if (childId === null) return unnamed('childId');
      if (SCHOOL_STAFF.includes(actor.role) && (await facts.schoolOfChild(childId)) === actor.agencyId)
        return allow(`school-of-record:${actor.agencyId}`, childId);
      if (actor.role === 'key-worker' && (await facts.isAllocatedWorker(actor.userId, childId)))
        return allow('allocated-worker', childId);
      return deny("a CAF is started by the child's school or allocated MAST worker", childId);
    },
  } satisfies Policy,
  step: {
    name: 'caf.step',
    childLevel: true,
    async decide(context) {
      if (!CONTRIBUTING_STEPS.includes(context.params.step)) return onTheTeam('caf.step').decide(context);
      const found = await caf(context);
      if (!found) return deny('no relationship to this CAF');
      const basis = await contributor(context, found.childId);
      return basis
        ? allow(basis, found.childId)
        : deny('CAF contributions are from practitioners of the agencies around the child', found.childId);
    },
  } satisfies Policy,
  read: onTheTeam('caf.read'),
  /** What the family holds, as the team shares it with them; the family reads theirs at GET /family/children/:childId/cafs. */
  familyCopy: onTheTeam('caf.family-copy'),
  /** The CAFs a practitioner leads: only their own, so a list by role; every child it names is logged. */
  led: { ...roleIn('caf.led', AGENCY_PRACTITIONERS), childLevel: true } satisfies Policy,
};
