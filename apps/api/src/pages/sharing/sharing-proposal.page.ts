import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { PRACTITIONER_ROLES } from '@app/access';
import { childPolicies } from '@app/access';
import { sharingPolicies } from '@app/access';
import { INFORMATION_CATEGORIES } from '@app/domain';
import type { ChildRecord } from '@app/projections';
import { disclosuresOfChild } from '@app/projections';
import { GetChildRecordQuery } from '../../children/child-queries';
import { Policy } from '../../access/policy.decorator';
import type { Decided } from '../../http/decisions';
import { Requester, type RequestContext } from '../../http/request-context';
import { validationPipe } from '../../http/validation';
import { basisInWords, categoryLabel, fieldLabel } from '../../sharing/report-words';
import { ProposeSharingBody } from '../../sharing/sharing-bodies';
import { ProposeSharingCommand } from '../../sharing/sharing-commands';
import { type FormRequest, formPage } from '../error-pages';
import { filled, ticked } from '../form-values';
import { Page } from '../page.decorator';
import { OUTCOME_WORDS } from './sharing-words';
import { recipientName, sharingPageModel } from './sharing-step';

const uuid = new ParseUUIDPipe({ version: '4' });
/** Agencies information can go to: every agency of the directory but the platform itself and the family's own accounts. */
const NOT_RECIPIENTS = ['platform', 'family'];

/** Proposing to share (purpose, recipient, categories) and the decision's own page: where it stands, step by step. */
@Page()
@Controller('app')
export class SharingProposalPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
  ) {}

  @Get('children/:childId/sharing/new')
  @Policy(childPolicies.read)
  @Render('sharing/propose')
  proposal(@Param('childId', uuid) childId: string) {
    return this.proposalModel(childId);
  }

  @Post('sharing')
  @Policy(sharingPolicies.propose)
  async propose(
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const childId = String(form.childId ?? '');
    formPage(req, 'sharing/propose', await this.proposalModel(childId));
    const fields = {
      childId,
      origin: 'proactive',
      purpose: filled(form.purpose),
      recipient: {
        agencyId: filled(form['recipient.agencyId']),
        ...(filled(form['recipient.userId']) ? { userId: form['recipient.userId'] } : {}),
      },
      categories: ticked(form.categories),
    };
    const body = await validationPipe.transform(fields, { type: 'body', metatype: ProposeSharingBody });
    const decided: Decided & { sharingId: string } = await this.commands.execute(
      new ProposeSharingCommand(body, requester),
    );
    res.redirect(303, `/app/sharing/${decided.sharingId}/basis`);
  }

  @Get('sharing/:sharingId')
  @Policy(sharingPolicies.read)
  @Render('sharing/decision-summary')
  async summary(@Param('sharingId', uuid) sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    const d = model.decision;
    const disclosures = (await disclosuresOfChild(this.dataSource.manager, d.childId)).filter(
      (x) => x.sharingId === sharingId,
    ) as Array<{ disclosedAt: Date; items?: Array<{ fields: string[] }> }>;
    const withoutConsent = d.basis?.kind === 'without-consent';
    const done = (yes: boolean) => (yes ? 'Completed' : 'Not yet');
    return {
      title: `Sharing information about ${model.childName}`,
      ...model,
      basisWords: basisInWords(d.basis),
      categories: d.categories.map(categoryLabel),
      outcomeWords: d.outcome ? OUTCOME_WORDS[d.outcome] : null,
      sharedFields: (d.items ?? []).flatMap((i) => i.fields.map(fieldLabel)),
      steps: [
        { text: 'Lawful basis', href: `/app/sharing/${sharingId}/basis`, status: done(Boolean(d.basis)) },
        {
          text: 'Box 16 checklist and the seven golden rules',
          href: `/app/sharing/${sharingId}/checklist`,
          status: done((d.checklist ?? []).length > 0),
        },
        ...(withoutConsent
          ? [
              {
                text: 'Approval by the DSL or head teacher',
                href: `/app/sharing/${sharingId}/approval`,
                status: done(Boolean(d.approvedBy)),
              },
            ]
          : []),
        { text: 'Decision', href: `/app/sharing/${sharingId}/decision`, status: done(Boolean(d.outcome)) },
        ...(d.outcome && d.outcome !== 'refuse'
          ? [
              {
                text: 'Disclose',
                href: `/app/sharing/${sharingId}/disclosure`,
                status: disclosures.length ? `${disclosures.length} sent` : 'Not yet',
              },
            ]
          : []),
      ],
      disclosures: disclosures.map((x) => ({
        disclosedAt: x.disclosedAt,
        fields: (x.items ?? []).flatMap((i) => i.fields.map(fieldLabel)).join(', '),
      })),
    };
  }

  private async proposalModel(childId: string) {
    const child: ChildRecord = await this.queries.execute(new GetChildRecordQuery(childId));
    const [agencies, users] = await Promise.all([this.directory.agencies(), this.directory.users()]);
    const practitioners = users.filter(
      (u) => u.active && PRACTITIONER_ROLES.includes(u.role) && !u.agencyId.startsWith('school-'),
    );
    return {
      title: 'Propose to share information',
      childId,
      childName: `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim(),
      agencies: agencies
        .filter((a) => !NOT_RECIPIENTS.includes(a.agencyId))
        .map((a) => ({ value: a.agencyId, text: a.name })),
      people: await Promise.all(
        practitioners.map(async (u) => ({
          value: u.userId,
          text: await recipientName(this.directory, u.agencyId, u.userId),
        })),
      ),
      categories: INFORMATION_CATEGORIES.map((c) => ({ value: c, text: categoryLabel(c) })),
    };
  }
}
