import type { Actor } from '@app/domain';
import type { Role } from '../directory/roles';

/** What a policy may know about a request and the world, and nothing else. */
export interface PolicyContext {
  readonly actor: Actor & { readonly role: Role };
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly facts: AccessFacts;
}

/** Relationships to a child, read from read models kept by projections. */
export interface AccessFacts {
  /** The school the child is registered at, or null when there is no such child. */
  schoolOfChild(childId: string): Promise<string | null>;
  /** The child and school of a learning-mentor case, or null when there is no such case. */
  caseOf(referralId: string): Promise<{ readonly childId: string; readonly schoolId: string } | null>;
  /** The child, school and allocated worker of a MAST request, and whether it has been listed for a panel. */
  mastRequestOf(requestId: string): Promise<{
    readonly childId: string;
    readonly schoolId: string;
    readonly workerId: string | null;
    readonly listed: boolean;
  } | null>;
  /** A key worker's allocation to a child through MAST. */
  isAllocatedWorker(userId: string, childId: string): Promise<boolean>;
  /** The child of a CAF, its current lead professional and everyone on the team around the child. */
  cafOf(
    cafId: string,
  ): Promise<{ readonly childId: string; readonly leadUserId: string | null; readonly team: readonly string[] } | null>;
  /** The child a sharing decision is about, the agency that proposed it, and whether it is about safeguarding (part of a child-protection file). */
  sharingOf(
    sharingId: string,
  ): Promise<{ readonly childId: string; readonly recordedBy: string; readonly safeguarding: boolean } | null>;
  /** The child of a safeguarding concern, who raised it, the school it was recorded at, and whether it went to social care. */
  concernOf(concernId: string): Promise<{
    readonly childId: string;
    readonly raisedBy: string;
    readonly schoolId: string;
    readonly referred: boolean;
  } | null>;
  /** The child, the leaving and the new school of a school move, and whether the new school confirmed receipt of its child-protection file. */
  moveOf(moveId: string): Promise<{
    readonly childId: string;
    readonly fromSchoolId: string;
    readonly toSchoolId: string;
    readonly received: boolean;
  } | null>;
  /** Whether a school holds a record (`concern:<id>`, `sharing:<id>`) through a child-protection file it received and confirmed. */
  receivedInChildProtectionFile(schoolId: string, recordRef: string): Promise<boolean>;
  /**
   * The live link of a family account to a child, with whether the child decides for
   * themselves today (12 or over and competent, the consent domain's standing rule) and
   * whether they are an adult (18 or over).
   */
  familyLinkOf(
    userId: string,
    childId: string,
  ): Promise<{
    readonly kind: string;
    readonly relationship: string | null;
    readonly childDecidesForThemselves: boolean;
    readonly childIsAdult: boolean;
  } | null>;
}

export type PolicyDecision =
  /** `view`: where an endpoint answers each audience in its own shape, the one this requester gets. */
  | { readonly allowed: true; readonly basis: string; readonly childId?: string; readonly view?: string }
  /** `missing`: the body does not name what the policy judges the request by; a mistake (400), not a refusal (403). */
  | { readonly allowed: false; readonly reason: string; readonly childId?: string; readonly missing?: string };

/**
 * One named rule deciding one endpoint. `childLevel` policies read a child's data: every
 * decision they take, allowed or refused, goes into the access log.
 */
export interface Policy {
  readonly name: string;
  readonly childLevel: boolean;
  /** The break-glass endpoint itself: a restriction on the record does not stop it. */
  readonly opensRestricted?: boolean;
  decide(context: PolicyContext): Promise<PolicyDecision>;
}

export const allow = (basis: string, childId?: string, view?: string): PolicyDecision => ({
  allowed: true,
  basis,
  childId,
  view,
});
export const deny = (reason: string, childId?: string): PolicyDecision => ({ allowed: false, reason, childId });

/** The record a body names (its `childId`, `schoolId`...): the policy judges the request by it. */
export const namedInBody = (body: unknown, field: string): string | null => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
};

/** A request whose body does not name the record it is for: no relationship can be judged, and none is refused. */
export const unnamed = (field: string): PolicyDecision => ({
  allowed: false,
  reason: `${field} is required: it names the record the request is for`,
  missing: field,
});

/** Anyone holding one of the roles, whatever their relationship to any child. */
export const roleIn = (name: string, roles: readonly Role[]): Policy => ({
  name,
  childLevel: false,
  async decide({ actor }) {
    return roles.includes(actor.role) ? allow(`role:${actor.role}`) : deny(`${name} is for ${roles.join(', ')}`);
  },
});
