import {
  Body,
  Controller,
  Get,
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
import { familyPolicies } from '@app/access';
import { childrenLinkedTo } from '@app/projections';
import { Policy, PolicyView } from '../../access/policy.decorator';
import { FamilyWithdrawalBody } from '../../family/family-bodies';
import { FamilyRecord } from '../../family/family-record';
import type { FamilyAudience } from '../../family/family-view';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { definedFields, filled } from '../form-values';
import { Page } from '../page.decorator';
import { consentInWords, whyInWords } from './family-words';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * The family's own record in the browser (DESIGN §8: the family's home): the same policies
 * and the same reads as `/family/children/...`, so what the API withholds the pages withhold,
 * and each view reaches the disclosure ledger the same way (ADR 024).
 */
@Page()
@Controller('app/family')
export class FamilyPages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly record: FamilyRecord,
  ) {}

  @Get()
  @Policy(familyPolicies.ownChildren)
  @Render('family/home')
  async home(@Requester() { actor }: RequestContext) {
    const children = await childrenLinkedTo(this.dataSource.manager, actor.userId);
    return {
      title: actor.role === 'young-person' ? 'Your record' : 'Your family',
      youngPerson: actor.role === 'young-person',
      children,
    };
  }

  @Get('children/:childId/caf')
  @Policy(familyPolicies.read)
  @Render('family/caf')
  async caf(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    const [child, copies, names] = [
      await this.child(requester, childId),
      await this.record.cafs(childId, audience, requester),
      await directoryNames(this.directory),
    ];
    return { title: 'Common Assessment (CAF)', ...child, audience, copies, names };
  }

  @Get('children/:childId/consents')
  @Policy(familyPolicies.read)
  @Render('family/consents')
  async consents(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
    @Query('withdrawn') withdrawn?: string,
  ) {
    const child = await this.child(requester, childId);
    const agencies = await this.agencies();
    const consents = (await this.record.consents(childId, audience, requester)).map((c) => consentInWords(c, agencies));
    return {
      title: 'Your consents',
      ...child,
      audience,
      consents,
      withdrawn: consents.find((c) => c.consentId === withdrawn && c.status === 'withdrawn') ?? null,
    };
  }

  @Get('children/:childId/consents/:consentId/withdrawal')
  @Policy(familyPolicies.withdrawConsent)
  @Render('family/withdraw')
  withdrawal(
    @Param('childId', uuid) childId: string,
    @Param('consentId', uuid) consentId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    return this.withdrawalModel(childId, consentId, audience, requester);
  }

  /** The consent domain decides who may withdraw what; a refusal renders this page again, or the error page. */
  @Post('children/:childId/consents/:consentId/withdrawal')
  @Policy(familyPolicies.withdrawConsent)
  async withdraw(
    @Param('childId', uuid) childId: string,
    @Param('consentId', uuid) consentId: string,
    @Body() form: Record<string, unknown>,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    formPage(req, 'family/withdraw', { title: 'Withdraw your consent', childId, consentId, values: form });
    // The API's own body: a reason it would refuse (too long) is refused here by the same rule.
    const body = await stepBody({ body: FamilyWithdrawalBody }, definedFields({ reason: filled(form.reason) }));
    await this.record.withdraw(childId, consentId, body.reason as string | undefined, audience, requester);
    res.redirect(303, `/app/family/children/${childId}/consents?withdrawn=${consentId}`);
  }

  @Get('children/:childId/shared')
  @Policy(familyPolicies.read)
  @Render('family/shared')
  async shared(
    @Param('childId', uuid) childId: string,
    @PolicyView() audience: FamilyAudience,
    @Requester() requester: RequestContext,
  ) {
    const child = await this.child(requester, childId);
    const report = await this.record.shared(childId, audience, requester);
    return {
      title: 'What was shared and why',
      ...child,
      audience,
      report,
      disclosures: report.disclosures.map((d) => ({ ...d, why: whyInWords(d.basis) })),
    };
  }

  private async withdrawalModel(
    childId: string,
    consentId: string,
    audience: FamilyAudience,
    requester: RequestContext,
  ) {
    const child = await this.child(requester, childId);
    const [consent] = await this.record.consents(childId, audience, requester, consentId);
    if (!consent)
      throw new NotFoundException({
        message: `No consent ${consentId} for this child that you can see`,
        field: 'consentId',
      });
    return {
      title: 'Withdraw your consent',
      ...child,
      audience,
      consent: consentInWords(consent, await this.agencies()),
    };
  }

  /** The child as the family account's link names them: the policy has already found the link. */
  private async child(requester: RequestContext, childId: string) {
    const linked = (await childrenLinkedTo(this.dataSource.manager, requester.actor.userId)).find(
      (c) => c.childId === childId,
    );
    if (!linked) throw new NotFoundException({ message: `No child ${childId}`, field: 'childId' });
    return { childId, childName: linked.name, firstName: linked.name.split(' ')[0] };
  }

  private async agencies(): Promise<ReadonlyMap<string, string>> {
    return new Map((await this.directory.agencies()).map((a) => [a.agencyId, a.name]));
  }
}
