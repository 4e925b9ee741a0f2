import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import type { InformationCategory } from '@app/domain';
import type { DisclosedContent, SharedItem } from '@app/domain';
import { DISCLOSURE_CHANNELS } from '@app/domain';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { CLOCK } from '../../http/tokens';
import { disclosableRecordsOf } from '../../sharing/disclosable-records';
import { PreviewDisclosureQuery } from '../../sharing/disclosure-preview';
import { basisInWords, categoryLabel, channelLabel } from '../../sharing/report-words';
import { type FormRequest, formPage } from '../error-pages';
import { filled, ticked } from '../form-values';
import { Page } from '../page.decorator';
import { fieldsAllowed, PICKABLE_RECORDS } from './field-picker';
import { receivedView } from './received-view';
import { categoriesAllowed } from './sharing-decision.page';
import { RECORD_WORDS } from './sharing-words';
import { sharingPageModel, takeSharingStep } from './sharing-step';

const uuid = new ParseUUIDPipe({ version: '4' });
const pickable = (kind: string): kind is (typeof PICKABLE_RECORDS)[number] =>
  (PICKABLE_RECORDS as readonly string[]).includes(kind);

/**
 * The disclosure: a field picker offering only the fields the decision named (and consent
 * still covers), a preview of exactly what the recipient will see, then sending it.
 */
@Page()
@Controller('app/sharing/:sharingId')
export class SharingDisclosurePages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('disclosure')
  @Policy(sharingPolicies.step)
  @Render('sharing/disclosure')
  disclosureForm(@Param('sharingId', uuid) sharingId: string) {
    return this.disclosureModel(sharingId);
  }

  /** `action=preview` shows what would arrive; `action=send` (only offered under a preview) sends it. */
  @Post('disclosure')
  @Policy(sharingPolicies.step)
  async disclose(
    @Param('sharingId', uuid) sharingId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const model = await this.disclosureModel(sharingId);
    formPage(req, 'sharing/disclosure', model);
    const fields = {
      recipient: {
        agencyId: model.decision.recipientAgencyId,
        ...(model.decision.recipientUserId ? { userId: model.decision.recipientUserId } : {}),
      },
      items: model.records.flatMap((r) =>
        ticked(form[`fields-${r.recordRef}`]).length
          ? [{ recordRef: r.recordRef, fields: ticked(form[`fields-${r.recordRef}`]) }]
          : [],
      ),
      channel: filled(form.channel),
    };
    if (form.action === 'send') {
      const decided = await takeSharingStep(this.commands, sharingId, 'disclosures', fields, undefined, requester);
      return res.redirect(303, `/app/sharing/${sharingId}?sent=${decided.assigned.disclosureId}`);
    }
    const content: DisclosedContent[] = await this.queries.execute(
      new PreviewDisclosureQuery(sharingId, fields, requester),
    );
    return res.render('sharing/disclosure', {
      ...model,
      values: form,
      preview: {
        items: content.map(receivedView),
        channel: channelLabel(String(fields.channel)),
        picked: fields.items,
      },
    });
  }

  private async disclosureModel(sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    const decided = ((model.decision.items ?? []) as SharedItem[]) ?? [];
    const decidedCategories = [...new Set(decided.map((i) => i.category))];
    const allowed = await categoriesAllowed(
      this.dataSource,
      model.decision,
      decidedCategories,
      this.clock().toISOString(),
    );
    // A field is offered when the decision named it for its kind of record and category, and consent (if that is the basis) still covers the category.
    const inDecision = (kind: string) => (field: string, category: InformationCategory) =>
      allowed.has(category) &&
      decided.some(
        (i) => (i.record === null || i.record === kind) && i.category === category && i.fields.includes(field),
      );
    const records = (await disclosableRecordsOf(this.dataSource.manager, model.decision.childId))
      .filter((r) => pickable(r.kind))
      .map((r) => ({
        recordRef: r.recordRef,
        id: r.recordRef.replace(/[^a-z0-9-]/gi, '-'),
        name: RECORD_WORDS[r.kind],
        fields: pickable(r.kind) ? fieldsAllowed(r.kind, inDecision(r.kind)) : [],
      }))
      .filter((r) => r.fields.length > 0);
    return {
      title: 'Disclose information',
      ...model,
      basisWords: basisInWords(model.decision.basis),
      decided: Boolean(model.decision.outcome) && model.decision.outcome !== 'refuse',
      records,
      // What the decision named but consent no longer covers: the sharer is told why those fields are gone.
      noLongerCovered: decidedCategories.filter((c) => !allowed.has(c)).map((c) => categoryLabel(c)),
      channels: DISCLOSURE_CHANNELS.map((c) => ({ value: c, text: channelLabel(c) })),
    };
  }
}
