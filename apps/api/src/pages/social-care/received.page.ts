import { Controller, Get, Param, Render } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access/audit/access-log';
import { Directory } from '@app/access/directory/directory';
import { sharingPolicies } from '@app/access/policy/sharing.policies';
import { correctionNoticesTo, receivedInformation } from '@app/projections/sharing/queries';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../platform/request-context';
import { directoryNames } from '../directory-names';
import { Page } from '../page.decorator';

/** This page's entry in the access log: the user's last visit is the line between read and new. */
const THIS_PAGE = 'GET /app/agencies/:agencyId/received-information';
/** How far back the user's own history is searched for their last visit. */
const HISTORY_LOOKBACK = 200;

/**
 * What other agencies disclosed to the user's agency, corrections applied, and the correction
 * notices (as `/agencies/:agencyId/received-information` and `/correction-notices`). What
 * arrived since the user last opened this page is marked new, everything before it read:
 * the access log already holds every visit, so no second record of reading is kept.
 */
@Page()
@Controller('app/agencies/:agencyId')
export class ReceivedPage {
  constructor(private readonly dataSource: DataSource, private readonly accessLog: AccessLog, private readonly directory: Directory) {}

  @Get('received-information')
  @Policy(sharingPolicies.received)
  @Render('social-care/received')
  async received(@Param('agencyId') agencyId: string, @Requester() { actor }: RequestContext) {
    const [received, notices, lastVisit] = await Promise.all([
      receivedInformation(this.dataSource.manager, agencyId),
      correctionNoticesTo(this.dataSource.manager, agencyId),
      this.lastVisit(actor.userId),
    ]);
    const isNew = (at: unknown) => lastVisit === null || new Date(at as string | Date) > lastVisit;
    const names = await directoryNames(this.directory);
    return {
      title: 'Information received',
      agency: names.agencies[agencyId] ?? agencyId,
      lastVisit: lastVisit?.toISOString() ?? null,
      received: received.map((r) => ({ ...r, isNew: isNew(r.receivedAt) || (r.correctedAt !== null && isNew(r.correctedAt)) })),
      notices: notices.map((n) => ({ ...n, isNew: isNew(n.issuedAt) })),
      names,
    };
  }

  private async lastVisit(userId: string): Promise<Date | null> {
    const history = await this.accessLog.history({ userId, outcome: 'allowed' }, { limit: HISTORY_LOOKBACK });
    const visit = history.find((e) => e.resource === THIS_PAGE);
    return visit ? new Date(visit.at) : null;
  }
}
