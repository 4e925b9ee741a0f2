import { createHmac } from 'node:crypto';

/**
 * The child as integration messages name them: HMAC-SHA256 of the platform's child id
 * under the pseudonym key, hex. Stable (one child's messages share a Kafka partition and
 * stay ordered), not reversible without the key, and never the child's own identifiers.
 */
export const pseudonymousChildId = (pseudonymKey: Buffer, childId: string): string =>
  createHmac('sha256', pseudonymKey).update(childId, 'utf8').digest('hex');
