import type { Policy } from './policy';
import { allow, deny } from './policy';

/** A school's safeguarding leads (its DSL and head teacher) reading their own school's safeguarding work lists, which name children. */
export const safeguardingLeadsOf = (name: string): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params }) {
    if (actor.role !== 'dsl' && actor.role !== 'head-teacher')
      return deny(`${name} is for the DSL and the head teacher`);
    if (params.schoolId !== actor.agencyId) return deny('staff see their own school only');
    return allow(`safeguarding-lead:${actor.agencyId}`);
  },
});
