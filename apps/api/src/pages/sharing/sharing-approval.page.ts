import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import { sharingAwaitingApproval } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { basisInWords, categoryLabel } from '../../sharing/report-words';
import { type FormRequest, formPage } from '../error-pages';
import { filled } from '../form-values';
import { Page } from '../page.decorator';
import { CHECKLIST_WORDS } from './sharing-words';
import { recipientName, sharingPageModel, takeSharingStep } from './sharing-step';

const uuid = new ParseUUIDPipe({ version: '4' });
interface InboxRow {
  readonly sharingId: string;
  readonly childId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly recipientAgencyId: string;
  readonly recipientUserId: string | null;
  readonly categories: string[];
  readonly basis: { kind?: string; ground?: string } | null;
  readonly proposedBy: { readonly userId?: string } | null;
  readonly proposedAt: Date;
}
const ANSWER_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

/** Sharing without consent waits for a DSL or head teacher: their inbox, and the approval with the discussion had. */
@Page()
@Controller('app')
export class SharingApprovalPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
  ) {}

  @Get('schools/:schoolId/sharing-approvals')
  @Policy(sharingPolicies.approvals)
  @Render('sharing/approvals')
  async inbox(@Param('schoolId') schoolId: string, @Requester() { actor }: RequestContext) {
    const waiting = await sharingAwaitingApproval(this.dataSource.manager, schoolId, actor.userId);
    const users = new Map((await this.directory.users()).map((u) => [u.userId, u.displayName]));
    return {
      title: 'Sharing to approve',
      waiting: await Promise.all(
        (waiting as unknown as InboxRow[]).map(async (w) => ({
          sharingId: w.sharingId,
          childId: w.childId,
          childName: `${w.givenName ?? ''} ${w.familyName ?? ''}`.trim(),
          recipient: await recipientName(this.directory, w.recipientAgencyId, w.recipientUserId),
          categories: (w.categories as string[]).map(categoryLabel).join(', '),
          basisWords: basisInWords(w.basis),
          proposedBy: users.get(w.proposedBy?.userId ?? '') ?? w.proposedBy?.userId,
          proposedAt: w.proposedAt,
        })),
      ),
    };
  }

  @Get('sharing/:sharingId/approval')
  @Policy(sharingPolicies.step)
  @Render('sharing/approval')
  approvalForm(@Param('sharingId', uuid) sharingId: string) {
    return this.approvalModel(sharingId);
  }

  @Post('sharing/:sharingId/approval')
  @Policy(sharingPolicies.step)
  async approve(
    @Param('sharingId', uuid) sharingId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'sharing/approval', await this.approvalModel(sharingId));
    await takeSharingStep(
      this.commands,
      sharingId,
      'approval',
      { discussion: filled(form.discussion) },
      form.revision,
      requester,
    );
    res.redirect(303, `/app/sharing/${sharingId}`);
  }

  private async approvalModel(sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    const d = model.decision;
    const users = new Map((await this.directory.users()).map((u) => [u.userId, u.displayName]));
    return {
      title: 'Approve sharing without consent',
      ...model,
      proposedBy: users.get(d.proposedBy?.userId ?? '') ?? d.proposedBy?.userId,
      categories: (d.categories as string[]).map(categoryLabel).join(', '),
      basisWords: basisInWords(d.basis),
      checklist: (d.checklist ?? []).map((a) => ({
        question: CHECKLIST_WORDS[a.item as keyof typeof CHECKLIST_WORDS] ?? a.item,
        answer: ANSWER_WORDS[a.answer] ?? a.answer,
        note: a.note,
      })),
    };
  }
}
