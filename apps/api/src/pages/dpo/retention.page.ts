import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { retentionPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { retentionReviewOf, retentionReviews } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { LegalHoldBody, LegalHoldLiftingBody, KeepBody } from '../../retention/retention.dto';
import { RetentionActs } from '../../retention/retention-acts';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { ukDate } from '../../sharing/report-words';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { formBody } from '../form-fields';
import { Page } from '../page.decorator';
import {
  CLOCK_TAGS,
  DECISION_WORDS,
  RECORD_CLASS_WORDS,
  RETENTION_FORMS,
  REVIEW_STATUS_WORDS,
} from './retention-words';

const uuid = new ParseUUIDPipe({ version: '4' });
const BASE = '/app/dpo/retention';

type Review = Record<string, unknown> & {
  childId: string;
  status: string;
  clock?: string;
  records: Array<{ recordRef: string; recordClass: string; endsOn: string }> | null;
  holds: Array<{ holdId: string; reason?: string; placedAt: string; liftedAt: string | null }>;
  decisions: Array<Record<string, unknown> & { decision: string; at?: string; on?: string; by?: { userId: string } }>;
};

const DONE: Readonly<Record<string, string>> = {
  disposal: 'The record was disposed of: its data key is deleted',
  keep: 'The decision to keep the record is recorded',
  'legal-holds': 'The legal hold is placed',
  lifting: 'The legal hold is lifted',
};

/**
 * The dpo's retention reviews (ADR 016, docs/retention.md) as pages: the queue with each
 * review's clock, a child's review with its records, holds and decisions, and the forms that
 * dispose, keep or hold. Each posts the API's act (RetentionActs), so the decider's rules hold.
 */
@Page()
@Controller('app/dpo/retention')
export class RetentionPage {
  constructor(
    private readonly acts: RetentionActs,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Policy(retentionPolicies.queue)
  @Render('dpo/retention')
  async queue() {
    const today = this.today();
    const reviews = ((await retentionReviews(this.dataSource.manager, today)) as Review[]).map((r) =>
      this.described(r),
    );
    return {
      title: 'Retention reviews',
      today,
      due: reviews.filter((r) => r.status === 'due'),
      decided: reviews.filter((r) => r.status !== 'due'),
    };
  }

  @Get('children/:childId')
  @Policy(retentionPolicies.child)
  @Render('dpo/retention-review')
  async review(@Param('childId', uuid) childId: string, @Query('done') done?: string) {
    return this.reviewModel(childId, done);
  }

  @Post('children/:childId/disposal')
  @Policy(retentionPolicies.child)
  async dispose(@Param('childId', uuid) childId: string, @Requester() requester: RequestContext, @Res() res: Response) {
    await this.acts.dispose(childId, requester);
    res.redirect(303, `${BASE}/children/${childId}?done=disposal`);
  }

  @Get('children/:childId/:form')
  @Policy(retentionPolicies.child)
  @Render('dpo/retention-form')
  async form(@Param('childId', uuid) childId: string, @Param('form') form: string) {
    return this.formModel(childId, form);
  }

  @Post('children/:childId/keep')
  @Policy(retentionPolicies.child)
  async keep(
    @Param('childId', uuid) childId: string,
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = await this.formModel(childId, 'keep');
    formPage(req, 'dpo/retention-form', model);
    const body = (await stepBody({ body: KeepBody }, formBody(model.fields, form))) as {
      keepUntil: string;
      reason: string;
    };
    await this.acts.keep(childId, body, requester);
    res.redirect(303, `${BASE}/children/${childId}?done=keep`);
  }

  @Post('children/:childId/legal-holds')
  @Policy(retentionPolicies.child)
  async placeHold(
    @Param('childId', uuid) childId: string,
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = await this.formModel(childId, 'legal-holds');
    formPage(req, 'dpo/retention-form', model);
    const body = (await stepBody({ body: LegalHoldBody }, formBody(model.fields, form))) as { reason: string };
    await this.acts.placeHold(childId, body, requester);
    res.redirect(303, `${BASE}/children/${childId}?done=legal-holds`);
  }

  @Post('children/:childId/legal-holds/:holdId/lifting')
  @Policy(retentionPolicies.child)
  async liftHold(
    @Param('childId', uuid) childId: string,
    @Param('holdId', uuid) holdId: string,
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    formPage(req, 'dpo/retention-review', { ...(await this.reviewModel(childId)), lifting: holdId });
    const body = (await stepBody(
      { body: LegalHoldLiftingBody },
      { reason: typeof form.reason === 'string' && form.reason.trim() !== '' ? form.reason.trim() : undefined },
    )) as { reason: string };
    await this.acts.liftHold(childId, holdId, body, requester);
    res.redirect(303, `${BASE}/children/${childId}?done=lifting`);
  }

  private async reviewModel(childId: string, done?: string) {
    const found = await this.read(childId);
    const names = await directoryNames(this.directory);
    return {
      title: 'Retention review',
      review: found,
      timeline: this.timeline(found, names),
      done: done ? (DONE[done] ?? null) : null,
    };
  }

  private async formModel(childId: string, form: string) {
    if (!Object.hasOwn(RETENTION_FORMS, form))
      throw new NotFoundException({ message: `No form ${form}`, field: 'form' });
    const { title, fields, submitText } = RETENTION_FORMS[form];
    return {
      title,
      review: await this.read(childId),
      fields,
      submitText,
      action: `${BASE}/children/${childId}/${form}`,
    };
  }

  private async read(childId: string) {
    const found = (await retentionReviewOf(this.dataSource.manager, this.today(), childId)) as Review | null;
    if (!found) throw new NotFoundException({ message: `No retention history for child ${childId}`, field: 'childId' });
    return this.described(found);
  }

  private described(r: Review) {
    return {
      ...r,
      statusText: REVIEW_STATUS_WORDS[r.status] ?? r.status,
      tag: r.clock ? CLOCK_TAGS[r.clock] : null,
      records: (r.records ?? []).map((record) => ({
        ...record,
        classText: RECORD_CLASS_WORDS[record.recordClass] ?? record.recordClass,
      })),
      activeHolds: r.holds.filter((h) => h.liftedAt === null),
    };
  }

  private timeline(r: Review, names: Awaited<ReturnType<typeof directoryNames>>) {
    return r.decisions.map((d) => ({
      title: DECISION_WORDS[d.decision] ?? d.decision,
      at: String(d.at ?? d.on ?? ''),
      by: d.by ? (names.users[d.by.userId] ?? d.by.userId) : '',
      text: [
        d.keepUntil ? `Until ${ukDate(String(d.keepUntil))}.` : '',
        typeof d.reason === 'string' ? d.reason : '',
        typeof d.reasons === 'string' ? d.reasons : '',
      ]
        .filter(Boolean)
        .join(' '),
    }));
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
