import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import type { ConsentRecipient } from '@app/domain';
import { consentQuestions } from '@app/domain';
import type { InformationCategory } from '@app/domain';
import { SHARING_OUTCOMES } from '@app/domain';
import { consentCoverageForEach } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { CLOCK } from '../../http/tokens';
import { basisInWords, categoryLabel } from '../../sharing/report-words';
import { type FormRequest, formPage } from '../error-pages';
import { filled, ticked } from '../form-values';
import { Page } from '../page.decorator';
import { fieldsAllowed, PICKABLE_RECORDS } from './field-picker';
import { OUTCOME_WORDS, RECORD_WORDS } from './sharing-words';
import { type SharingRow, sharingPageModel, takeSharingStep } from './sharing-step';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The categories consent covers now for this recipient; every proposed one when the basis is not consent. */
export async function categoriesAllowed(
  dataSource: DataSource,
  decision: SharingRow,
  categories: readonly string[],
  at: string,
): Promise<Set<string>> {
  if (decision.basis?.kind !== 'consent') return new Set(categories);
  const coverage = await consentCoverageForEach(
    dataSource.manager,
    decision.childId,
    consentQuestions(
      'information-sharing',
      decision.recipientAgencyId as ConsentRecipient,
      categories as InformationCategory[],
      at,
    ),
  );
  return new Set(coverage.filter((a) => a.covered).map((a) => a.question.category));
}

/** The decision: share, share in part or refuse, recorded alike, with a field picker offering only what was proposed (and what consent covers). */
@Page()
@Controller('app/sharing/:sharingId')
export class SharingDecisionPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('decision')
  @Policy(sharingPolicies.step)
  @Render('sharing/decision')
  decisionForm(@Param('sharingId', uuid) sharingId: string) {
    return this.decisionModel(sharingId);
  }

  @Post('decision')
  @Policy(sharingPolicies.step)
  async decide(
    @Param('sharingId', uuid) sharingId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'sharing/decision', await this.decisionModel(sharingId));
    const outcome = filled(form.outcome);
    const items =
      outcome === 'refuse'
        ? []
        : PICKABLE_RECORDS.flatMap((record) =>
            ticked(form[`fields-${record}`]).length ? [{ record, fields: ticked(form[`fields-${record}`]) }] : [],
          );
    const informed = form['familyTold.informed'];
    const fields = {
      outcome,
      items,
      reasons: filled(form.reasons),
      redactions: String(form.redactions ?? '')
        .split(/\r?\n/)
        .map((r) => r.trim())
        .filter((r) => r !== ''),
      familyTold:
        informed === 'yes'
          ? { informed: true, how: filled(form['familyTold.how']) }
          : informed === 'no'
            ? { informed: false, reason: filled(form['familyTold.reason']) }
            : {},
      validUntil: filled(form.validUntil),
    };
    await takeSharingStep(this.commands, sharingId, 'decision', fields, form.revision, requester);
    res.redirect(303, outcome === 'refuse' ? `/app/sharing/${sharingId}` : `/app/sharing/${sharingId}/disclosure`);
  }

  private async decisionModel(sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    const allowed = await categoriesAllowed(
      this.dataSource,
      model.decision,
      model.decision.categories,
      this.clock().toISOString(),
    );
    return {
      title: 'Decide what is shared',
      ...model,
      basisWords: basisInWords(model.decision.basis),
      categories: model.decision.categories.map(categoryLabel).join(', '),
      outcomes: SHARING_OUTCOMES.map((o) => ({ value: o, text: OUTCOME_WORDS[o] })),
      records: PICKABLE_RECORDS.map((record) => ({
        record,
        name: RECORD_WORDS[record],
        fields: fieldsAllowed(record, (_f, category) => allowed.has(category)),
      })).filter((r) => r.fields.length > 0),
    };
  }
}
