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
import { PRACTITIONER_ROLES } from '@app/access';
import { cafPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import { cafContributions, cafsLedBy, familyCopy, leadProfessionalView } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { TakeCafStepCommand } from '../../caf/caf-commands';
import { CAF_STEPS } from '../../caf/caf-steps';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody, stepNamed } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { formBody } from '../form-fields';
import { Page } from '../page.decorator';
import { CAF_STEP_FORMS, choicesOf } from './caf-step-forms';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Contributions by domain, then by element, in the order they were recorded. */
function byDomain<T extends { domain: string; element: string }>(contributions: readonly T[]) {
  const domains = new Map<string, Map<string, T[]>>();
  for (const c of contributions) {
    const elements = domains.get(c.domain) ?? new Map<string, T[]>();
    elements.set(c.element, [...(elements.get(c.element) ?? []), c]);
    domains.set(c.domain, elements);
  }
  return [...domains].map(([domain, elements]) => ({
    domain,
    elements: [...elements].map(([element, entries]) => ({ element, entries })),
  }));
}

/** The lead professional's CAF (003 §1a, §3b): the same policy and reads as `/cafs/:cafId`. */
@Page()
@Controller('app/cafs')
export class CafPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Policy(cafPolicies.led)
  @Render('caf/led')
  async led(@Requester() { actor }: RequestContext) {
    return { title: 'CAFs you lead', cafs: await cafsLedBy(this.dataSource.manager, actor.userId, this.today()) };
  }

  @Get(':cafId')
  @Policy(cafPolicies.read)
  @Render('caf/caf')
  async caf(@Param('cafId', uuid) cafId: string, @Query('recorded') recorded?: string) {
    const view = await leadProfessionalView(this.dataSource.manager, cafId, this.today());
    if (!view) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    const [contributions, copy] = await Promise.all([
      cafContributions(this.dataSource.manager, cafId, { includeSuperseded: true }),
      familyCopy(this.dataSource.manager, cafId),
    ]);
    const agencies = view.byAgency.map((a) => ({
      ...a,
      actions: view.actions.filter((action) => action.ownerAgencyId === a.agencyId),
    }));
    return {
      title: 'CAF',
      ...view,
      agencies,
      domains: byDomain(contributions),
      reviews: copy?.reviews ?? [],
      meetings: copy?.meetings ?? [],
      steps: CAF_STEP_FORMS,
      recorded: recorded && Object.hasOwn(CAF_STEP_FORMS, recorded) ? CAF_STEP_FORMS[recorded].title : null,
      names: await directoryNames(this.directory),
    };
  }

  /** The copy the family holds, to print and hand over (a print stylesheet keeps it to the document). */
  @Get(':cafId/family-copy')
  @Policy(cafPolicies.familyCopy)
  @Render('caf/family-copy')
  async familyCopy(@Param('cafId', uuid) cafId: string) {
    const copy = await familyCopy(this.dataSource.manager, cafId);
    if (!copy) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    return { title: 'Family-held copy of the CAF', copy, names: await directoryNames(this.directory) };
  }

  @Get(':cafId/:step')
  @Policy(cafPolicies.step)
  @Render('caf/step')
  async form(@Param('cafId', uuid) cafId: string, @Param('step') step: string) {
    return this.stepModel(cafId, step);
  }

  @Post(':cafId/:step')
  @Policy(cafPolicies.step)
  async record(
    @Param('cafId', uuid) cafId: string,
    @Param('step') stepName: string,
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = await this.stepModel(cafId, stepName);
    formPage(req, 'caf/step', model);
    const step = CAF_STEPS[stepName];
    const fields = await stepBody(step, formBody(model.fields, form));
    await this.commands.execute(new TakeCafStepCommand(cafId, step, fields, undefined, requester));
    res.redirect(303, `/app/cafs/${cafId}?recorded=${encodeURIComponent(stepName)}`);
  }

  private async stepModel(cafId: string, stepName: string) {
    const form = stepNamed(CAF_STEP_FORMS, stepName);
    const view = await leadProfessionalView(this.dataSource.manager, cafId, this.today());
    if (!view) throw new NotFoundException({ message: `No CAF ${cafId}`, field: 'cafId' });
    const [names, users] = await Promise.all([directoryNames(this.directory), this.directory.users()]);
    const practitioners = users.filter((u) => u.active && PRACTITIONER_ROLES.includes(u.role)).map((u) => u.userId);
    return {
      title: form.title,
      cafId,
      childId: view.caf.childId,
      step: stepName,
      fields: form.fields(this.today(), choicesOf(names, practitioners)),
    };
  }

  private today(): string {
    return dayOf(this.clock().toISOString());
  }
}
