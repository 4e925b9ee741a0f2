import type { Role } from '../directory/roles';
import { schoolOfRecord } from './children.policies';
import { allow, deny, type Policy } from './policy';

/** The family's own accounts (DESIGN §4). */
export const FAMILY_ROLES: readonly Role[] = ['parent-carer', 'young-person'];

/**
 * The linked family member relationship: a parent or carer, or the young person, whom the
 * child's school linked to this child on evidence and has not unlinked. The young person
 * sees their own record once they decide for themselves (12 or over and competent, Box 15);
 * before that their parent speaks for them. From 18 the young person is an adult and their
 * parent's link no longer opens their record. The view names the audience: what a parent
 * sees is further bounded by what a competent child refused them (ADR 017).
 */
const linkedFamilyMember = (name: string): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, facts }) {
    const childId = params.childId;
    if (!FAMILY_ROLES.includes(actor.role))
      return deny(`${name} is for the parents, carers and young people the school linked to the child`, childId);
    const link = await facts.familyLinkOf(actor.userId, childId);
    if (!link || link.kind !== actor.role) return deny('not linked to this child', childId);
    if (actor.role === 'parent-carer' && link.childIsAdult)
      return deny('at 18 the young person decides alone: a parent sees their record only through them', childId);
    if (actor.role === 'young-person' && !link.childDecidesForThemselves) {
      return deny(
        'a young person sees their own record once they decide for themselves (12 or over and assessed competent, Box 15)',
        childId,
      );
    }
    return allow(`linked-family-member:${link.relationship ?? 'self'}`, childId, actor.role);
  },
});

export const familyPolicies = {
  /**
   * Linking an account decides who sees the child's record from home: the DSL's or the head
   * teacher's call, who know of court orders and contact restrictions (ADR 017).
   */
  link: schoolOfRecord('family.link', ['dsl', 'head-teacher']),
  readLinks: schoolOfRecord('family.links.read', ['dsl', 'head-teacher']),
  /** The children one's own account is linked to: a list, logged against each child it names. */
  ownChildren: {
    name: 'family.children',
    childLevel: true,
    async decide({ actor }) {
      return FAMILY_ROLES.includes(actor.role)
        ? allow('own-family-links')
        : deny('family.children is for family accounts');
    },
  } satisfies Policy,
  read: linkedFamilyMember('family.read'),
  withdrawConsent: linkedFamilyMember('family.withdraw-consent'),
};
