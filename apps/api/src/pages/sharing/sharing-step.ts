import { NotFoundException } from '@nestjs/common';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { Directory } from '@app/access';
import { sharingDecision } from '@app/projections';
import { GetChildRecordQuery } from '../../children/child-queries';
import type { ChildRecord } from '@app/projections';
import type { Decided } from '../../http/decisions';
import type { RequestContext } from '../../http/request-context';
import { stepBody, stepNamed } from '../../http/steps';
import { TakeSharingStepCommand } from '../../sharing/sharing-commands';
import { SHARING_STEPS } from '../../sharing/sharing-steps';
import { revisionOf } from '../form-values';

/** A step of a sharing decision sent from a page: the API's step table, body check and handler. */
export async function takeSharingStep(
  commands: CommandBus,
  sharingId: string,
  name: string,
  fields: Record<string, unknown>,
  revision: unknown,
  requester: RequestContext,
) {
  const step = stepNamed(SHARING_STEPS, name);
  const body = await stepBody(step, fields);
  const decided: Decided & { assigned: Record<string, string> } = await commands.execute(
    new TakeSharingStepCommand(sharingId, step, body, revisionOf(revision), requester),
  );
  return decided;
}

type Who = { readonly userId?: string } | null;
export type SharingRow = Record<string, unknown> & {
  sharingId: string;
  purpose: string;
  proposedBy: Who;
  approvedBy: Who;
  checklist: Array<{ item: string; answer: string; note?: string }> | null;
  outcome: string | null;
  items: Array<{ record: string | null; category: string; fields: string[] }> | null;
  reasons: string | null;
  childId: string;
  recipientAgencyId: string;
  recipientUserId: string | null;
  categories: string[];
  basis: { kind: string; ground?: string; justification?: string } | null;
  revision: string;
};

/** The decision as its pages show it: the read model's row, the child's name and the recipient's. */
export async function sharingPageModel(
  manager: EntityManager,
  queries: QueryBus,
  directory: Directory,
  sharingId: string,
) {
  const decision = (await sharingDecision(manager, sharingId)) as SharingRow | null;
  if (!decision) throw new NotFoundException({ message: `No sharing decision ${sharingId}`, field: 'sharingId' });
  const child: ChildRecord = await queries.execute(new GetChildRecordQuery(decision.childId));
  return {
    decision,
    childName: `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim(),
    recipient: await recipientName(directory, decision.recipientAgencyId, decision.recipientUserId),
  };
}

export async function recipientName(
  directory: Directory,
  agencyId: string,
  userId: string | null | undefined,
): Promise<string> {
  const agency = (await directory.agencies()).find((a) => a.agencyId === agencyId)?.name ?? agencyId;
  const user = userId ? await directory.user(userId) : null;
  return user ? `${user.displayName}, ${agency}` : agency;
}
