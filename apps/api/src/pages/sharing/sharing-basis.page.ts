import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { sharingPolicies } from '@app/access';
import type { ConsentRecipient } from '@app/domain';
import { consentQuestions } from '@app/domain';
import { BOX_16_CHECKLIST, CHECKLIST_ANSWERS, GOLDEN_RULES, WITHOUT_CONSENT_GROUNDS } from '@app/domain';
import { consentCoverageForEach, consentScopesOf } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { Requester, type RequestContext } from '../../http/request-context';
import { CLOCK } from '../../http/tokens';
import { categoryLabel, fieldLabel } from '../../sharing/report-words';
import { type FormRequest, formPage } from '../error-pages';
import { filled } from '../form-values';
import { Page } from '../page.decorator';
import { CHECKLIST_WORDS, GROUND_WORDS } from './sharing-words';
import { sharingPageModel, takeSharingStep } from './sharing-step';

const uuid = new ParseUUIDPipe({ version: '4' });
const ANSWER_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

/** The lawful basis (consent as the platform reads it now, or a Box 13 ground) and the Box 16 checklist with the golden rules. */
@Page()
@Controller('app/sharing/:sharingId')
export class SharingBasisPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('basis')
  @Policy(sharingPolicies.step)
  @Render('sharing/basis')
  basisForm(@Param('sharingId', uuid) sharingId: string) {
    return this.basisModel(sharingId);
  }

  @Post('basis')
  @Policy(sharingPolicies.step)
  async basis(
    @Param('sharingId', uuid) sharingId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'sharing/basis', await this.basisModel(sharingId));
    const kind = filled(form['basis.kind']);
    const basis =
      kind === 'without-consent'
        ? { kind, ground: filled(form['basis.ground']), justification: filled(form['basis.justification']) }
        : { kind };
    await takeSharingStep(this.commands, sharingId, 'basis', { basis }, form.revision, requester);
    res.redirect(303, `/app/sharing/${sharingId}/checklist`);
  }

  @Get('checklist')
  @Policy(sharingPolicies.step)
  @Render('sharing/checklist')
  checklistForm(@Param('sharingId', uuid) sharingId: string) {
    return this.checklistModel(sharingId);
  }

  @Post('checklist')
  @Policy(sharingPolicies.step)
  async checklist(
    @Param('sharingId', uuid) sharingId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'sharing/checklist', await this.checklistModel(sharingId));
    // Every question goes, answered or not: the domain names the first one left unanswered (ids answers[i].answer on the form).
    const answers = CHECKLIST.map((item, i) => ({
      item,
      answer: form[`answer-${i}`] ?? '',
      ...(filled(form[`note-${i}`]) ? { note: form[`note-${i}`] } : {}),
    }));
    await takeSharingStep(this.commands, sharingId, 'checklist', { answers }, form.revision, requester);
    const { decision } = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    res.redirect(
      303,
      decision.basis?.kind === 'without-consent' ? `/app/sharing/${sharingId}` : `/app/sharing/${sharingId}/decision`,
    );
  }

  private async basisModel(sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    const { decision } = model;
    const at = this.clock().toISOString();
    // Consent as the platform will read it when the basis is recorded: for information-sharing, to this recipient, on each category proposed.
    const coverage = await consentCoverageForEach(
      this.dataSource.manager,
      decision.childId,
      consentQuestions(
        'information-sharing',
        decision.recipientAgencyId as ConsentRecipient,
        decision.categories as never,
        at,
      ),
    );
    const scopes = await consentScopesOf(this.dataSource.manager, decision.childId);
    const consentIds = new Set(coverage.flatMap((a) => ('consentId' in a && a.consentId ? [a.consentId] : [])));
    return {
      title: 'Lawful basis for sharing',
      ...model,
      coverage: coverage.map((a) => ({
        category: categoryLabel(a.question.category),
        covered: a.covered,
        words: a.covered
          ? a.basis === 'consent'
            ? 'Covered by consent'
            : 'Covered by parental responsibility'
          : a.explanation,
      })),
      allCovered: coverage.every((a) => a.covered),
      consents: scopes
        .filter((s) => consentIds.has(s.consentId))
        .map((s) => ({
          consentId: s.consentId,
          kind: s.kind,
          purposes: s.purposes.map(fieldLabel).join(', '),
          recipients: s.recipients.map(fieldLabel).join(', '),
          categories: s.categories.map(categoryLabel).join(', '),
          effectiveOn: s.effectiveOn,
          expiresOn: s.expiresOn,
          withdrawnAt: s.withdrawnAt,
        })),
      grounds: WITHOUT_CONSENT_GROUNDS.map((g) => ({ value: g, text: GROUND_WORDS[g] })),
    };
  }

  private async checklistModel(sharingId: string) {
    const model = await sharingPageModel(this.dataSource.manager, this.queries, this.directory, sharingId);
    return {
      title: 'Box 16 checklist and the seven golden rules',
      ...model,
      box16: CHECKLIST.slice(0, BOX_16_CHECKLIST.length).map((item, i) => ({
        item,
        index: i,
        question: CHECKLIST_WORDS[item],
      })),
      goldenRules: CHECKLIST.slice(BOX_16_CHECKLIST.length).map((item, i) => ({
        item,
        index: i + BOX_16_CHECKLIST.length,
        question: CHECKLIST_WORDS[item],
      })),
      answers: CHECKLIST_ANSWERS.map((a) => ({ value: a, text: ANSWER_WORDS[a] })),
    };
  }
}

const CHECKLIST = [...BOX_16_CHECKLIST, ...GOLDEN_RULES];
