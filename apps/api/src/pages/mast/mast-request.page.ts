import { Body, Controller, Get, Inject, Param, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { consentPolicies } from '@app/access';
import { mastPolicies } from '@app/access';
import { MAST_REQUEST_CATEGORIES } from '@app/domain';
import { mastRequest, requestDecisions } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import type { Decided } from '../../http/decisions';
import { MakeMastRequestBody } from '../../mast/mast-bodies';
import { MakeMastRequestCommand, mastConsentAt } from '../../mast/mast-request-commands';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { formPage, type FormRequest } from '../error-pages';
import { definedFields, numberOf } from '../form-values';
import { Page } from '../page.decorator';
import { decisionText, requestRef } from './decision-text';
import { formFields } from './forms';
import { MastNames } from './mast-names';

const CATEGORY_NAMES: Record<string, string> = {
  education: 'education',
  attendance: 'attendance',
  'family-circumstances': 'family circumstances',
  health: 'health',
};

/** The form's parents (two rows at most) as the API's list of { name, relationship }. */
const parentsOf = (fields: Record<string, string>) =>
  [1, 2].flatMap((n) =>
    fields[`parent${n}Name`] || fields[`parent${n}Relationship`]
      ? [{ name: fields[`parent${n}Name`] ?? '', relationship: fields[`parent${n}Relationship`] ?? '' }]
      : [],
  );

/**
 * The SENCo's request for MAST involvement (001), made with the parents. The page says
 * before sending whether the parents' consent covers it, by the check the request itself meets.
 */
@Page()
@Controller('app/mast')
export class MastRequestPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly names: MastNames,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private async form(childId: string) {
    const consent = await mastConsentAt(this.dataSource.manager, childId, this.clock().toISOString());
    return {
      title: 'Request MAST involvement',
      childId,
      consent,
      categories: MAST_REQUEST_CATEGORIES.map((c) => CATEGORY_NAMES[c] ?? c),
    };
  }

  @Get('children/:childId/request')
  @Policy(consentPolicies.read)
  @Render('mast/request')
  request(@Param('childId') childId: string) {
    return this.form(childId);
  }

  @Post('children/:childId/request')
  @Policy(mastPolicies.makeRequest)
  async make(
    @Param('childId') childId: string,
    @Body() body: unknown,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const fields = formFields(body);
    formPage(req, 'mast/request', await this.form(childId));
    const made = await stepBody(
      { body: MakeMastRequestBody },
      definedFields({
        childId: fields.childId,
        parentsInvolved: parentsOf(fields),
        needs: fields.needs,
        alreadyTried: fields.alreadyTried,
        levelOfNeed: numberOf(fields, 'levelOfNeed'),
      }),
    );
    const decided: Decided & { requestId: string } = await this.commands.execute(
      new MakeMastRequestCommand(made, requester),
    );
    res.redirect(303, `/app/mast/requests/${decided.requestId}`);
  }

  /** The request as sent, and what the panel decided on it. */
  @Get('requests/:requestId')
  @Policy(mastPolicies.readRequest)
  @Render('mast/request-sent')
  async sent(@Param('requestId') requestId: string) {
    const [request, decisions, names] = await Promise.all([
      mastRequest(this.dataSource.manager, requestId),
      requestDecisions(this.dataSource.manager, requestId),
      this.names.load(),
    ]);
    return {
      title: `Request for MAST involvement ${requestRef(requestId)}`,
      request: request && {
        ...request,
        ref: requestRef(requestId),
        school: names.agency(request.schoolId),
        requestedBy: names.user(request.requestedBy),
        worker: names.user(request.workerId),
      },
      decisions: decisions.map((d) => ({
        panelDate: d.panelDate,
        decision: decisionText(d.decision, names),
        reason: d.reason,
      })),
    };
  }
}
