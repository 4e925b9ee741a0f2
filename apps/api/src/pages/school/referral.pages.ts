import {
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
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { referralPolicies } from '@app/access';
import { consentNeededForMentoring } from '@app/domain';
import { referralStream } from '@app/domain';
import { dayOf } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { consentCoverageForEach } from '@app/projections';
import type { ChildRecord } from '@app/projections';
import { mentorCaseRecord } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { TakeReferralStepCommand } from '../../referral/referral-commands';
import { REFERRAL_STEPS } from '../../referral/referral-steps';
import { DomainRefusal } from '../../http/decisions';
import { GetChildRecordQuery } from '../../children/child-queries';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody, stepNamed } from '../../http/steps';
import { CLOCK, EVENT_STORE } from '../../http/tokens';
import { errorsOf, type FormRequest, formPage } from '../error-pages';
import { dateBoxes } from '../form-values';
import { Page } from '../page.decorator';
import { caseFacts } from './case-facts';
import { caseTasks } from './case-tasks';
import { caseTimeline } from './case-timeline';
import { anchorsOf, blanksOf, STEP_FORMS } from './step-forms';
import { OPTIONS } from './words';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * A learning-mentor case: its page (task list and timeline) behind `referral.read`, and the
 * forms of its steps behind `referral.step`, the policies of GET /referrals/:referralId and
 * POST /referrals/:referralId/:step, with the same route parameters. A form sends the step's
 * body through the same command handler as the API.
 */
@Page()
@Controller('app/referrals')
export class ReferralPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Get(':referralId')
  @Policy(referralPolicies.read)
  @Render('school/case')
  async casePage(@Param('referralId', uuid) referralId: string, @Query('done') done: unknown) {
    const record = await this.caseOf(referralId);
    const [child, events, names, coverage] = await Promise.all([
      this.childOf(record.childId),
      this.events.readStream(referralStream(referralId)),
      this.names(),
      consentCoverageForEach(
        this.dataSource.manager,
        record.childId,
        consentNeededForMentoring(record.schoolId as `school-${string}`).map((q) => ({
          ...q,
          at: this.clock().toISOString(),
        })),
      ),
    ]);
    const recorded = new Set(events.map((e) => e.type));
    return {
      title: `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim() || 'Case',
      childId: record.childId,
      record: { ...record, mentorName: record.mentorId ? (names.get(record.mentorId) ?? record.mentorId) : null },
      child: {
        givenName: child.givenName,
        familyName: child.familyName,
        yearGroup: child.yearGroup,
        flags: child.flags,
      },
      tasks: caseTasks(
        record,
        recorded,
        coverage.every((answer) => answer.covered),
      ),
      timeline: caseTimeline(events, names),
      done:
        done === 'consent'
          ? 'Consent decision'
          : typeof done === 'string' && Object.hasOwn(STEP_FORMS, done)
            ? STEP_FORMS[done].title
            : null,
    };
  }

  @Get(':referralId/:step')
  @Policy(referralPolicies.step)
  @Render('school/step-form')
  async stepFormPage(@Param('referralId', uuid) referralId: string, @Param('step') step: string) {
    const form = this.formNamed(step);
    const model = await this.formModel(referralId, step);
    return { ...model, values: { ...dateBoxes(form.dateField, this.today()), ...form.opening?.(model.facts) } };
  }

  @Post(':referralId/:step')
  @Policy(referralPolicies.step)
  async takeStep(
    @Param('referralId', uuid) referralId: string,
    @Param('step') stepName: string,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const form = this.formNamed(stepName);
    const sent = (req.body ?? {}) as Record<string, unknown>;
    const model = await this.formModel(referralId, stepName);
    const body = form.body(sent, model.facts);
    formPage(req, 'school/step-form', { ...model, values: sent }, anchorsOf(form), blanksOf(form, body));
    const step = stepNamed(REFERRAL_STEPS, stepName);
    // The revision the form was read at: a case changed since is a 409 offering a reload, as If-Match is for the API.
    const revision =
      typeof sent.revision === 'string' && /^\d{1,18}$/.test(sent.revision) ? BigInt(sent.revision) : undefined;
    try {
      await this.commands.execute(
        new TakeReferralStepCommand(referralId, step, await stepBody(step, body), revision, requester),
      );
    } catch (error) {
      // A state rule that names a field of the form (close sooner than the ending announced: say why) is
      // answered on the form, by that field, still a 409; one that names none is the 409 page.
      if (!(error instanceof DomainRefusal && error.error.kind === 'conflict' && error.error.field)) throw error;
      const errors = errorsOf(
        { field: error.error.field, message: form.refusals?.[error.error.rule] ?? error.error.message },
        anchorsOf(form),
      );
      res
        .status(409)
        .render('school/step-form', { ...model, values: sent, errors: errors.list, errorFor: errors.byField });
      return;
    }
    res.redirect(303, `/app/referrals/${referralId}?done=${encodeURIComponent(stepName)}`);
  }

  private formNamed(step: string) {
    if (!Object.hasOwn(STEP_FORMS, step))
      throw new NotFoundException({ message: `There is no form for ${step}`, field: 'step' });
    return STEP_FORMS[step];
  }

  private async formModel(referralId: string, step: string) {
    const record = await this.caseOf(referralId);
    const [child, events] = await Promise.all([
      this.childOf(record.childId),
      this.events.readStream(referralStream(referralId)),
    ]);
    const form = STEP_FORMS[step];
    // 4e: the mentor is one of the school's own learning mentors (the handler checks it again).
    const mentors =
      step === 'triage'
        ? (await this.directory.users()).filter(
            (u) => u.active && u.role === 'learning-mentor' && u.agencyId === record.schoolId,
          )
        : [];
    return {
      title: form.title,
      step,
      form: { title: form.title, audience: form.audience, dateField: form.dateField },
      childId: record.childId,
      childName: `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim(),
      referralId,
      revision: String(record.revision),
      referredOn: record.referredOn,
      reasons: record.reasons ?? [],
      mentors: mentors.map((m) => ({ value: m.userId, text: m.displayName })),
      options: OPTIONS,
      facts: caseFacts(events),
    };
  }

  private async caseOf(referralId: string) {
    const record = await mentorCaseRecord(this.dataSource.manager, referralId);
    if (!record) throw new NotFoundException({ message: `No referral ${referralId}`, field: 'referralId' });
    return record;
  }

  private childOf(childId: string): Promise<ChildRecord> {
    return this.queries.execute(new GetChildRecordQuery(childId));
  }

  private async names(): Promise<Map<string, string>> {
    return new Map((await this.directory.users()).map((u) => [u.userId, u.displayName]));
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
