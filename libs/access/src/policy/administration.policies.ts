import { ROLES } from '../directory/roles';
import { FAMILY_ROLES } from './family.policies';
import { roleIn } from './policy';

export const administrationPolicies = {
  manageDirectory: roleIn('directory.manage', ['admin']),
  viewDirectory: roleIn('directory.view', ['admin', 'dpo', 'mast-coordinator']),
  verifyAccessLog: roleIn('access-log.verify', ['dpo', 'admin']),
  /** Signed heads of the access-log chain: read them, or sign one now (ADR 013). */
  readChainAnchors: roleIn('access-log.anchors.read', ['dpo', 'admin']),
  anchorChain: roleIn('access-log.anchor', ['dpo', 'admin']),
  /** Any child's or any user's access history; a user's own goes through `ownAccessHistory`. */
  accessHistory: roleIn('access-log.history', ['dpo']),
  /** One's own reads: staff and the platform's users; a family account never sees the access log (ADR 017). */
  ownAccessHistory: roleIn(
    'access-log.own-history',
    ROLES.filter((role) => !FAMILY_ROLES.includes(role)),
  ),
  reviewBreakGlass: roleIn('break-glass.review', ['dpo']),
  /** Failed authentications: who is knocking, from where. */
  readSecurityLog: roleIn('security-log.read', ['dpo', 'admin']),
};
