import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { Directory } from '@app/access';
import { PRACTITIONER_ROLES } from '@app/access';
import { childPolicies } from '@app/access';
import type { ChildRecord } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { RestrictionActs } from '../../access/restriction-acts';
import { Restriction, StatedReason } from '../../access/restriction.controller';
import { GetChildRecordQuery } from '../../children/child-queries';
import { Requester, type RequestContext } from '../../http/request-context';
import { validationPipe } from '../../http/validation';
import { type FormRequest, formPage } from '../error-pages';
import { ticked } from '../form-values';
import { Page } from '../page.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });
const nameOf = (child: ChildRecord) => `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim();

/** A child's page, restricting the record to named users, and the break-glass page that asks for a reason before opening it. */
@Page()
@Controller('app/children/:childId')
export class RestrictionPages {
  constructor(
    private readonly queries: QueryBus,
    private readonly acts: RestrictionActs,
    private readonly directory: Directory,
  ) {}

  @Get()
  @Policy(childPolicies.read)
  @Render('safeguarding/child')
  async child(@Param('childId', uuid) childId: string, @Requester() { actor }: RequestContext) {
    const child: ChildRecord = await this.queries.execute(new GetChildRecordQuery(childId));
    const restriction = await this.acts.restricted.restrictionOf(childId);
    return {
      title: nameOf(child),
      child: { childId, name: nameOf(child), dateOfBirth: child.dateOfBirth, yearGroup: child.yearGroup },
      restricted: Boolean(restriction),
      canRestrict: actor.role === 'dsl' || actor.role === 'head-teacher',
    };
  }

  @Get('restriction')
  @Policy(childPolicies.restrict)
  @Render('safeguarding/restriction')
  restrictionForm(@Param('childId', uuid) childId: string) {
    return this.restrictionModel(childId);
  }

  @Post('restriction')
  @Policy(childPolicies.restrict)
  async restrict(
    @Param('childId', uuid) childId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'safeguarding/restriction', await this.restrictionModel(childId));
    const body: Restriction = await validationPipe.transform(
      { reason: form.reason ?? '', namedUsers: ticked(form.namedUsers) },
      { type: 'body', metatype: Restriction },
    );
    await this.acts.restrict(childId, body.reason, body.namedUsers, requester);
    res.redirect(303, `/app/children/${childId}/restriction`);
  }

  /**
   * Says what opening does before anything is opened. Nothing of the record is shown, only
   * the address it was asked at: under `recordId`, so the restriction does not hide the very
   * page that asks for the reason.
   */
  @Get('break-glass')
  @Policy(childPolicies.breakGlass)
  @Render('safeguarding/break-glass')
  breakGlassForm(@Param('childId', uuid) childId: string) {
    return { title: 'This record is restricted', recordId: childId };
  }

  @Post('break-glass')
  @Policy(childPolicies.breakGlass)
  async breakGlass(
    @Param('childId', uuid) childId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'safeguarding/break-glass', { title: 'This record is restricted', recordId: childId });
    const body: StatedReason = await validationPipe.transform(
      { reason: form.reason ?? '' },
      { type: 'body', metatype: StatedReason },
    );
    await this.acts.breakGlass(childId, body.reason, requester);
    res.redirect(303, `/app/children/${childId}`);
  }

  private async restrictionModel(childId: string) {
    const child: ChildRecord = await this.queries.execute(new GetChildRecordQuery(childId));
    const restriction = await this.acts.restricted.restrictionOf(childId);
    const agencies = new Map((await this.directory.agencies()).map((a) => [a.agencyId, a.name]));
    // The child's own school first: the people most likely to need the record.
    const users = (await this.directory.users())
      .filter((u) => u.active && PRACTITIONER_ROLES.includes(u.role))
      .sort(
        (a, b) =>
          Number(b.agencyId === child.schoolId) - Number(a.agencyId === child.schoolId) ||
          a.agencyId.localeCompare(b.agencyId) ||
          a.displayName.localeCompare(b.displayName),
      );
    return {
      title: `Restrict ${nameOf(child)}'s record`,
      child: { childId, name: nameOf(child) },
      restriction: restriction
        ? {
            reason: restriction.reason,
            namedUsers: restriction.namedUsers.map((id) => users.find((u) => u.userId === id)?.displayName ?? id),
          }
        : null,
      // A restriction being changed starts from what it is.
      values: restriction ? { reason: restriction.reason, namedUsers: [...restriction.namedUsers] } : undefined,
      users: users.map((u) => ({
        value: u.userId,
        text: `${u.displayName}, ${agencies.get(u.agencyId) ?? u.agencyId}`,
      })),
    };
  }
}
