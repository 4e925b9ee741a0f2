import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access/audit/access-log';
import { sharingPolicies } from '@app/access/policy/sharing.policies';
import { decisionsOfChild, disclosuresOfChild, disclosuresToAgency, disclosuresWithoutConsent } from '@app/projections/sharing/queries';
import { Policy } from '../access/policy.decorator';
import { CLOCK } from '../platform/tokens';
import { subjectAccessPage, type SubjectAccessReport } from './subject-access-page';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The disclosure audit (dpo): for any child, who received what, when, and on what legal basis. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('disclosure-audit')
export class DisclosureAuditController {
  constructor(private readonly dataSource: DataSource, private readonly accessLog: AccessLog, @Inject(CLOCK) private readonly clock: () => Date) {}

  @Get('children/:childId')
  @Policy(sharingPolicies.audit)
  async child(@Param('childId', uuid) childId: string) {
    return {
      childId,
      disclosures: await disclosuresOfChild(this.dataSource.manager, childId),
      decisions: await decisionsOfChild(this.dataSource.manager, childId),
    };
  }

  @Get('agencies/:agencyId')
  @Policy(sharingPolicies.audit)
  agency(@Param('agencyId') agencyId: string) {
    return disclosuresToAgency(this.dataSource.manager, agencyId);
  }

  @Get('without-consent')
  @Policy(sharingPolicies.audit)
  withoutConsent() {
    return disclosuresWithoutConsent(this.dataSource.manager);
  }

  /** What was shared about the child, with whom, when and why: JSON, or a printable page with `?format=html`. */
  @Get('children/:childId/subject-access')
  @Policy(sharingPolicies.audit)
  async subjectAccess(@Param('childId', uuid) childId: string, @Query('format') format: string | undefined, @Res({ passthrough: true }) res: Response) {
    const report: SubjectAccessReport = {
      childId,
      generatedAt: this.clock().toISOString(),
      disclosures: await disclosuresOfChild(this.dataSource.manager, childId),
      decisionsNotToShare: (await decisionsOfChild(this.dataSource.manager, childId)).filter((d) => d.outcome === 'refuse'),
      listsNamingChild: (await this.accessLog.listsNaming(childId)).map(({ at, userId, role, agencyId, resource, basis }) => ({ at, userId, role, agencyId, resource, basis })),
    };
    if (format !== 'html') return report;
    res.type('html');
    return subjectAccessPage(report);
  }
}
