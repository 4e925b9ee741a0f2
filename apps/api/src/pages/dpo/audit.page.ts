import { Controller, Get, Param, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccessLog } from '@app/access';
import { ChainAnchors } from '@app/access';
import { SecurityLog } from '@app/access';
import { Directory } from '@app/access';
import { administrationPolicies } from '@app/access';
import { FilteredHistoryPage, HistoryPage } from '../../access/audit.controller';
import { verifyChain } from '../../access/chain-verification';
import { Policy } from '../../access/policy.decorator';
import { directoryNames } from '../directory-names';
import { Page } from '../page.decorator';

/** Entries a page of history shows; the next page starts below the last one's sequence number. */
const PAGE_SIZE = 25;

const olderPage = <T extends { seq: string }>(entries: readonly T[]): string | null =>
  entries.length === PAGE_SIZE ? entries[entries.length - 1].seq : null;

/** The data-protection officer's view of the access log: histories, the chain's state, failed sign-ins. */
@Page()
@Controller('app/dpo')
export class AuditPage {
  constructor(
    private readonly accessLog: AccessLog,
    private readonly securityLog: SecurityLog,
    private readonly anchors: ChainAnchors,
    private readonly directory: Directory,
  ) {}

  /** Asks whose history; a search without JavaScript lands here and goes on to the history's own address. */
  @Get('access-history')
  @Policy(administrationPolicies.accessHistory)
  async search(
    @Query('whose') whose: unknown,
    @Query('id') id: unknown,
    @Query('outcome') outcome: unknown,
    @Res() res: Response,
  ) {
    if ((whose === 'children' || whose === 'users') && typeof id === 'string' && id.trim() !== '') {
      const filter = outcome === 'allowed' || outcome === 'refused' ? `?outcome=${outcome}` : '';
      return res.redirect(303, `/app/dpo/access-history/${whose}/${encodeURIComponent(id.trim())}${filter}`);
    }
    const errors =
      whose === undefined ? undefined : [{ text: "Enter a child's id or a user's id", href: '#id', field: 'id' }];
    return res.status(errors ? 400 : 200).render('dpo/access-search', {
      title: 'Access history',
      users: await this.directory.users(),
      errors,
      errorFor: errors ? { id: errors[0].text } : undefined,
      values: { whose, outcome },
    });
  }

  @Get('access-history/children/:childId')
  @Policy(administrationPolicies.accessHistory)
  @Render('dpo/access-history')
  async childHistory(@Param('childId') childId: string, @Query() query: FilteredHistoryPage) {
    return this.history('children', childId, { childId, outcome: query.outcome }, query);
  }

  @Get('access-history/users/:userId')
  @Policy(administrationPolicies.accessHistory)
  @Render('dpo/access-history')
  async userHistory(@Param('userId') userId: string, @Query() query: FilteredHistoryPage) {
    return this.history('users', userId, { userId, outcome: query.outcome }, query);
  }

  @Get('chain')
  @Policy(administrationPolicies.verifyAccessLog)
  @Render('dpo/chain')
  async chain() {
    const [verification, [latest]] = await Promise.all([
      verifyChain(this.accessLog, this.anchors),
      this.anchors.page(1),
    ]);
    return { title: 'The access log chain', verification, latest: latest ?? null, key: this.anchors.publicKey };
  }

  @Get('security-log')
  @Policy(administrationPolicies.readSecurityLog)
  @Render('dpo/security-log')
  async failedSignIns(@Query() query: HistoryPage) {
    const entries = await this.securityLog.page({ before: query.before, limit: PAGE_SIZE });
    return { title: 'Security log', entries, older: olderPage(entries), first: query.before === undefined };
  }

  private async history(
    whose: 'children' | 'users',
    id: string,
    filter: Parameters<AccessLog['history']>[0],
    query: FilteredHistoryPage,
  ) {
    const entries = await this.accessLog.history(filter, { before: query.before, limit: PAGE_SIZE });
    const older = olderPage(entries);
    const base = `/app/dpo/access-history/${whose}/${encodeURIComponent(id)}`;
    const outcome = query.outcome ? `outcome=${query.outcome}` : '';
    return {
      title: whose === 'children' ? 'Access history of a child' : 'Access history of a user',
      whose,
      id,
      outcome: query.outcome ?? null,
      // The entries name the child whose record was read: this page names them too.
      entries: entries.map((e) => ({ ...e, childId: e.childId ?? undefined })),
      names: await directoryNames(this.directory),
      olderHref: older ? `${base}?${[outcome, `before=${older}`].filter(Boolean).join('&')}` : null,
      newestHref: query.before ? `${base}${outcome ? `?${outcome}` : ''}` : null,
      filters: [
        { text: 'All', href: base, current: !query.outcome },
        { text: 'Refused', href: `${base}?outcome=refused`, current: query.outcome === 'refused' },
        { text: 'Allowed', href: `${base}?outcome=allowed`, current: query.outcome === 'allowed' },
      ],
    };
  }
}
