import { BadRequestException } from '@nestjs/common';
import type { Directory, DirectoryUser } from '@app/access';
import type { Role } from '@app/access';

const badField = (field: string, rule: string, message: string) =>
  new BadRequestException({ error: 'Bad Request', rule, message, field });

/** What a user named in a request must be: one of these roles, and of this agency when given. */
export interface Expected {
  readonly roles?: readonly Role[];
  readonly agencyId?: string;
  /** How the rule reads to a user, e.g. "a learning mentor of school-oakfield". */
  readonly as: string;
}

/**
 * A user a request names (a mentor, a key worker, a named user on a restriction) is an active
 * user of the directory with the role the act needs: a typo never becomes a phantom caseload.
 */
export async function namedUser(
  directory: Directory,
  field: string,
  userId: unknown,
  expected: Expected,
): Promise<DirectoryUser> {
  const user = typeof userId === 'string' ? await directory.user(userId) : null;
  if (!user || !user.active)
    throw badField(field, 'reference.user-unknown', `${String(userId)} is not an active user of the directory`);
  const rightRole = expected.roles === undefined || expected.roles.includes(user.role);
  const rightAgency = expected.agencyId === undefined || user.agencyId === expected.agencyId;
  if (!rightRole || !rightAgency)
    throw badField(
      field,
      'reference.user-role',
      `${user.userId} is a ${user.role} of ${user.agencyId}, not ${expected.as}`,
    );
  return user;
}

/** An agency a request names (a recipient of a disclosure) is one the directory knows. */
export async function namedAgency(directory: Directory, field: string, agencyId: unknown): Promise<void> {
  if (typeof agencyId !== 'string' || !(await directory.agencyExists(agencyId))) {
    throw badField(field, 'reference.agency-unknown', `${String(agencyId)} is not an agency of the directory`);
  }
}
