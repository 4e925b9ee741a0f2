import { allow, deny, type Policy } from './policy';

/**
 * Retention and erasure are the data-protection officer's alone: listing, disposing,
 * keeping, legal holds, erasure requests and decisions. Every act names the child, so every
 * one, allowed or refused, is in the access log against that child. A restriction hides a
 * record's contents from staff; these acts show none of them, and a restriction must not
 * make a record outlive its retention period, so it does not stop them.
 */
const byTheDpo = (name: string): Policy => ({
  name,
  childLevel: true,
  opensRestricted: true,
  async decide({ actor, params }) {
    return actor.role === 'dpo'
      ? allow('role:dpo', params.childId)
      : deny('retention and erasure of a record are decided by the data-protection officer', params.childId);
  },
});

export const retentionPolicies = {
  /** The review queue: a list naming children. */
  queue: byTheDpo('retention.queue'),
  /** One child's retention record, and every act on it. */
  child: byTheDpo('retention.child'),
};
