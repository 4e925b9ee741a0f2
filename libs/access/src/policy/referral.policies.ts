import { ALL_SCHOOL_STAFF, SCHOOL_STAFF, type Role } from '../directory/roles';
import { allow, deny, type Policy } from './policy';

/** 001: triage is the SENCo's (or inclusion co-ordinator's) decision; the rest is the school team's work. */
const stepRoles: Record<string, readonly Role[]> = { triage: ['senco', 'head-teacher'] };

/** Staff of the case's school, in a role the step allows: a case is child-level data. */
const onTheCase = (name: string, rolesFor: (step: string | undefined) => readonly Role[]): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, facts }) {
    const found = await facts.caseOf(params.referralId);
    if (!found) return deny('no relationship to this case');
    const roles = rolesFor(params.step);
    if (!roles.includes(actor.role))
      return deny(`${name} is for ${roles.join(', ')} at the child's school`, found.childId);
    if (found.schoolId !== actor.agencyId) return deny('no relationship to this child', found.childId);
    return allow(`school-of-record:${found.schoolId}`, found.childId);
  },
});

/** Staff reading their own school's lists (which name children): each read is logged. */
const ownSchool = (name: string): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params }) {
    if (!SCHOOL_STAFF.includes(actor.role)) return deny(`${name} is for ${SCHOOL_STAFF.join(', ')}`);
    if (params.schoolId !== actor.agencyId) return deny('staff see their own school only');
    return allow(`staff-of:${actor.agencyId}`);
  },
});

export const referralPolicies = {
  refer: {
    name: 'referral.make',
    childLevel: true,
    async decide({ actor, body, facts }) {
      const { childId, schoolId } = (body ?? {}) as { childId?: unknown; schoolId?: unknown };
      if (!ALL_SCHOOL_STAFF.includes(actor.role)) return deny(`referral.make is for ${ALL_SCHOOL_STAFF.join(', ')}`);
      if (typeof childId !== 'string' || schoolId !== actor.agencyId)
        return deny('staff refer children of their own school only');
      if ((await facts.schoolOfChild(childId)) !== actor.agencyId)
        return deny('no relationship to this child', childId);
      return allow(`school-of-record:${actor.agencyId}`, childId);
    },
  } satisfies Policy,
  step: onTheCase('referral.step', (step) => (step && Object.hasOwn(stepRoles, step) ? stepRoles[step] : SCHOOL_STAFF)),
  read: onTheCase('referral.read', () => SCHOOL_STAFF),
  schoolLists: ownSchool('school.lists'),
};
