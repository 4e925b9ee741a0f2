import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import {
  allDisclosures,
  decisionsOfChild,
  disclosuresOfChild,
  disclosuresToAgency,
  disclosuresWithoutConsent,
} from '@app/projections';
import type { AccessRequest } from '../../access/access.guard';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { subjectAccessPage } from '../../sharing/subject-access-page';
import {
  SUBJECT_ACCESS_COPIES,
  type SubjectAccessCopy,
  subjectAccessReport,
} from '../../sharing/subject-access-report';
import { CLOCK } from '../../http/tokens';
import { directoryNames } from '../directory-names';
import { Page } from '../page.decorator';
import { basisOf, type CountedDisclosure, disclosureChart } from './disclosure-chart';
import { PdfPrinter } from './pdf-printer';

const uuid = new ParseUUIDPipe({ version: '4' });

type Ledger = Awaited<ReturnType<typeof allDisclosures>>;

/** Each entry with its basis in words, for the table. */
const described = (entries: Ledger) =>
  entries.map((e) => ({ ...e, basisText: basisOf(e.basis as CountedDisclosure['basis']) }));

/**
 * The disclosure ledger as the dpo reads it (sharingPolicies.audit, as `/disclosure-audit`):
 * by month in a chart, by child, by agency, without consent; and a child's subject-access
 * report as a page that prints and as a PDF.
 */
@Page()
@Controller('app/dpo')
export class DisclosuresPage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    private readonly printer: PdfPrinter,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('disclosures')
  @Policy(sharingPolicies.audit)
  async overview(@Query('childId') childId: unknown, @Query('agencyId') agencyId: unknown, @Res() res: Response) {
    if (typeof childId === 'string' && childId.trim() !== '')
      return res.redirect(303, `/app/dpo/disclosures/children/${encodeURIComponent(childId.trim())}`);
    if (typeof agencyId === 'string' && agencyId !== '')
      return res.redirect(303, `/app/dpo/disclosures/agencies/${encodeURIComponent(agencyId)}`);
    // Counts only: the chart names no child.
    const entries = (await allDisclosures(this.dataSource.manager)).map((e) => ({
      disclosedAt: e.disclosedAt,
      recipientAgencyId: String(e.recipientAgencyId),
      basis: e.basis as CountedDisclosure['basis'],
    }));
    return res.render('dpo/disclosures', {
      title: 'Disclosures',
      chart: disclosureChart(entries),
      names: await directoryNames(this.directory),
      agencies: await this.directory.agencies(),
    });
  }

  @Get('disclosures/children/:childId')
  @Policy(sharingPolicies.audit)
  @Render('dpo/ledger')
  async ofChild(@Param('childId', uuid) childId: string) {
    const [entries, decisions] = await Promise.all([
      disclosuresOfChild(this.dataSource.manager, childId),
      decisionsOfChild(this.dataSource.manager, childId),
    ]);
    return {
      title: 'Disclosures about a child',
      caption: childId,
      childId,
      entries: described(entries),
      refusals: decisions.filter((d) => d.outcome === 'refuse'),
      names: await directoryNames(this.directory),
    };
  }

  @Get('disclosures/agencies/:agencyId')
  @Policy(sharingPolicies.audit)
  @Render('dpo/ledger')
  async toAgency(@Param('agencyId') agencyId: string) {
    const names = await directoryNames(this.directory);
    return {
      title: 'Disclosures to an agency',
      caption: names.agencies[agencyId] ?? agencyId,
      entries: described(await disclosuresToAgency(this.dataSource.manager, agencyId)),
      names,
    };
  }

  @Get('disclosures/without-consent')
  @Policy(sharingPolicies.audit)
  @Render('dpo/ledger')
  async withoutConsent() {
    return {
      title: 'Disclosures without consent',
      caption: 'On a Box 13 ground',
      entries: described(await disclosuresWithoutConsent(this.dataSource.manager)),
      names: await directoryNames(this.directory),
    };
  }

  @Get('children/:childId/subject-access')
  @Policy(sharingPolicies.audit)
  @Render('dpo/subject-access')
  async subjectAccess(@Param('childId', uuid) childId: string, @Query('copy') copy: string | undefined) {
    return { title: 'Subject-access report', report: await this.report(childId, copy) };
  }

  /** The same report printed by Chromium, as a file to download. */
  @Get('children/:childId/subject-access/pdf')
  @Policy(sharingPolicies.audit)
  async subjectAccessPdf(
    @Param('childId', uuid) childId: string,
    @Query('copy') copy: string | undefined,
    @Requester() { actor, requestId }: RequestContext,
    @Req() req: AccessRequest,
    @Res() res: Response,
  ) {
    const report = await this.report(childId, copy);
    // A file names no child the interceptor can see: the read of this child's report is logged here, against the child.
    await this.accessLog.append({
      ...actor,
      childId,
      resource: req.access?.resource ?? `GET ${req.path}`,
      outcome: 'allowed',
      basis: req.access?.listBasis,
      requestId,
    });
    const pdf = await this.printer.print(subjectAccessPage(report));
    res
      .type('application/pdf')
      .attachment(`subject-access-${report.generatedAt.slice(0, 10)}-${report.copy}.pdf`)
      .send(pdf);
  }

  private async report(childId: string, copy: string | undefined) {
    if (copy !== undefined && !(SUBJECT_ACCESS_COPIES as readonly string[]).includes(copy)) {
      throw new BadRequestException({ message: `copy is ${SUBJECT_ACCESS_COPIES.join(' or ')}`, field: 'copy' });
    }
    const report = await subjectAccessReport(this.dataSource.manager, this.directory, {
      childId,
      copy: (copy ?? 'family') as SubjectAccessCopy,
      now: this.clock(),
      listsNaming: await this.accessLog.listsNaming(childId),
    });
    if (!report) throw new NotFoundException({ message: `No child ${childId}`, field: 'childId' });
    return report;
  }
}
