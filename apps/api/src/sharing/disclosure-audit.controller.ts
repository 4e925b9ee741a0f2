import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import { decisionsOfChild, disclosuresOfChild, disclosuresToAgency, disclosuresWithoutConsent } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import { CLOCK } from '../http/tokens';
import { subjectAccessPage } from './subject-access-page';
import { SUBJECT_ACCESS_COPIES, type SubjectAccessCopy, subjectAccessReport } from './subject-access-report';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The disclosure audit (dpo): for any child, who received what, when, and on what legal basis. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('disclosure-audit')
export class DisclosureAuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

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

  /**
   * What was shared about the child, with whom, when and why: JSON, or a printable page with
   * `?format=html`. `?copy=family` (the default) is the copy to hand to the family, without
   * what is withheld from them; `?copy=dpo` keeps it, marked with its exemption and reason.
   */
  @Get('children/:childId/subject-access')
  @Policy(sharingPolicies.audit)
  async subjectAccess(
    @Param('childId', uuid) childId: string,
    @Query('format') format: string | undefined,
    @Query('copy') copy: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (copy !== undefined && !(SUBJECT_ACCESS_COPIES as readonly string[]).includes(copy)) {
      throw new BadRequestException({ message: `copy is ${SUBJECT_ACCESS_COPIES.join(' or ')}`, field: 'copy' });
    }
    if (format !== undefined && format !== 'html' && format !== 'json')
      throw new BadRequestException({ message: 'format is html or json', field: 'format' });
    const report = await subjectAccessReport(this.dataSource.manager, this.directory, {
      childId,
      copy: (copy ?? 'family') as SubjectAccessCopy,
      now: this.clock(),
      listsNaming: await this.accessLog.listsNaming(childId),
    });
    if (!report) throw new NotFoundException({ message: `No child ${childId}`, field: 'childId' });
    if (format !== 'html') return report;
    res.type('html');
    return subjectAccessPage(report);
  }
}
