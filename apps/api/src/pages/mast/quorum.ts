import { participantsFor } from '@app/domain';
import type { ConflictEntry } from '@app/projections';
import type { AttendanceEntry } from '@app/projections';

export interface QuorumRule {
  readonly minMembers: number;
  readonly minAgencies: number;
}

export interface QuorumForItem {
  readonly quorate: boolean;
  readonly members: number;
  readonly agencies: number;
  readonly rule: QuorumRule;
}

/**
 * Whether the panel, as it sits now, can decide this request: the decider's own count
 * (present and not conflicted), so the page says what the decision will meet.
 */
export function quorumForItem(
  attendance: readonly AttendanceEntry[],
  conflicts: readonly ConflictEntry[],
  rule: QuorumRule,
): QuorumForItem {
  const present = Object.fromEntries(attendance.filter((a) => a.present).map((a) => [a.userId, a]));
  const participants = participantsFor(
    present,
    conflicts.map((c) => c.memberId),
  );
  const agencies = new Set(participants.map((p) => p.agencyId)).size;
  return {
    quorate: participants.length >= rule.minMembers && agencies >= rule.minAgencies,
    members: participants.length,
    agencies,
    rule,
  };
}
