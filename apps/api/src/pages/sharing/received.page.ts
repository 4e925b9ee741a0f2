import { Controller, Get, Param, Render } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import type { InformationCategory } from '@app/domain';
import { correctionNoticesTo, receivedInformation } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { directoryNames } from '../directory-names';
import { Page } from '../page.decorator';
import { receivedView } from './received-view';

/** This page's entry in the access log: the user's last visit is the line between read and new. */
const THIS_PAGE = 'GET /app/agencies/:agencyId/received-information';
/** How far back the user's own history is searched for their last visit. */
const HISTORY_LOOKBACK = 200;

type Received = {
  childId: string;
  recordRef: string;
  category: InformationCategory;
  values: Record<string, unknown>;
  receivedAt: Date;
  correctedAt: Date | null;
};

/** Only a name that was itself disclosed: otherwise the child is named by the platform's reference. */
const childName = (childId: string, items: readonly Received[]): string => {
  const named = items.find(
    (i) => typeof i.values.givenName === 'string' || typeof i.values.familyName === 'string',
  )?.values;
  return named ? `${named.givenName ?? ''} ${named.familyName ?? ''}`.trim() : `Child ${childId.slice(0, 8)}`;
};

/**
 * What other agencies disclosed to the user's agency, by child, each piece as the sharer's
 * preview showed it (received-view.ts), corrections applied, and the correction notices
 * (the API's `/agencies/:agencyId/received-information` and `/correction-notices`). What
 * arrived since the user last opened this page is marked new, everything before it read:
 * the access log already holds every visit, so no second record of reading is kept.
 */
@Page()
@Controller('app/agencies/:agencyId')
export class ReceivedPage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
    private readonly directory: Directory,
  ) {}

  @Get('received-information')
  @Policy(sharingPolicies.received)
  @Render('sharing/received')
  async received(@Param('agencyId') agencyId: string, @Requester() { actor }: RequestContext) {
    const [received, notices, lastVisit, names] = await Promise.all([
      receivedInformation(this.dataSource.manager, agencyId) as Promise<Received[]>,
      correctionNoticesTo(this.dataSource.manager, agencyId),
      this.lastVisit(actor.userId),
      directoryNames(this.directory),
    ]);
    const isNew = (at: unknown) => lastVisit === null || new Date(at as string | Date) > lastVisit;
    const byChild = new Map<string, Received[]>();
    for (const item of received) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item]);
    const nameOf = (childId: string) => childName(childId, byChild.get(childId) ?? []);
    return {
      title: 'Information received',
      agency: names.agencies[agencyId] ?? agencyId,
      lastVisit: lastVisit?.toISOString() ?? null,
      children: [...byChild].map(([childId, items]) => ({
        childId,
        name: nameOf(childId),
        items: items.map((i) => ({
          ...receivedView(i),
          receivedAt: i.receivedAt,
          correctedAt: i.correctedAt,
          isNew: isNew(i.receivedAt) || (i.correctedAt !== null && isNew(i.correctedAt)),
        })),
      })),
      notices: notices.map((n) => ({ ...n, child: nameOf(String(n.childId)), isNew: isNew(n.issuedAt) })),
    };
  }

  private async lastVisit(userId: string): Promise<Date | null> {
    const history = await this.accessLog.history({ userId, outcome: 'allowed' }, { limit: HISTORY_LOOKBACK });
    const visit = history.find((e) => e.resource === THIS_PAGE);
    return visit ? new Date(visit.at) : null;
  }
}
