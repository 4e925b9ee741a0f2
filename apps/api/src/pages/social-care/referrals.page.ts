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
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { type ConcernView, concernPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { referralsToSocialCare } from '@app/projections';
import { Policy, PolicyView } from '../../access/policy.decorator';
import { TakeConcernStepCommand } from '../../concern/concern-commands';
import { CONCERN_VIEWS } from '../../concern/concern.controller';
import { CONCERN_STEPS } from '../../concern/concern-steps';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody, stepNamed } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { formBody } from '../form-fields';
import { Page } from '../page.decorator';
import { CONCERN_STEP_FORMS } from './concern-step-forms';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * Children's social care (Working Together 2023, ADR 011): the referrals inbox with its
 * clocks, a referral as social care received it, and the acts that meet the clocks. Each
 * page is its API twin's policy and query; each form posts the API's step.
 */
@Page()
@Controller('app/social-care')
export class ReferralsPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('referrals')
  @Policy(concernPolicies.socialCare)
  @Render('social-care/referrals')
  async inbox() {
    const today = this.today();
    const referrals = await referralsToSocialCare(this.dataSource.manager, today);
    return { title: 'Referrals', today, referrals, names: await directoryNames(this.directory) };
  }

  @Get('concerns/:concernId')
  @Policy(concernPolicies.read)
  @Render('social-care/concern')
  async referral(
    @Param('concernId', uuid) concernId: string,
    @PolicyView() view: ConcernView,
    @Query('recorded') recorded?: string,
  ) {
    const found = await this.read(concernId, view);
    const recordedTitle =
      recorded && Object.hasOwn(CONCERN_STEP_FORMS, recorded) ? CONCERN_STEP_FORMS[recorded].title : null;
    return {
      title: 'Referral',
      concern: found,
      steps: CONCERN_STEP_FORMS,
      recorded: recordedTitle,
      names: await directoryNames(this.directory),
    };
  }

  @Get('concerns/:concernId/:step')
  @Policy(concernPolicies.step)
  @Render('social-care/step')
  async form(
    @Param('concernId', uuid) concernId: string,
    @Param('step') step: string,
    @PolicyView() view: ConcernView,
  ) {
    return this.stepModel(concernId, step, view);
  }

  @Post('concerns/:concernId/:step')
  @Policy(concernPolicies.step)
  async record(
    @Param('concernId', uuid) concernId: string,
    @Param('step') stepName: string,
    @Body() form: Record<string, unknown>,
    @PolicyView() view: ConcernView,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = await this.stepModel(concernId, stepName, view);
    formPage(req, 'social-care/step', model);
    const step = CONCERN_STEPS[stepName];
    const fields = await stepBody(step, formBody(model.fields, form));
    await this.commands.execute(new TakeConcernStepCommand(concernId, step, fields, undefined, requester));
    res.redirect(303, `/app/social-care/concerns/${concernId}?recorded=${encodeURIComponent(stepName)}`);
  }

  private async stepModel(concernId: string, stepName: string, view: ConcernView) {
    const form = stepNamed(CONCERN_STEP_FORMS, stepName);
    const found = await this.read(concernId, view);
    const today = this.today();
    const clocks = (found.clocks as Array<{ clock: string; metOn?: string }>).filter(
      (c) => form.meets?.includes(c.clock as never) && c.metOn === undefined,
    );
    return { title: form.title, concern: found, step: stepName, fields: form.fields(today), clocks, today };
  }

  private async read(concernId: string, view: ConcernView) {
    const found = await CONCERN_VIEWS[view](this.dataSource.manager, concernId, this.today());
    if (!found) throw new NotFoundException({ message: `No concern ${concernId}`, field: 'concernId' });
    return found;
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
