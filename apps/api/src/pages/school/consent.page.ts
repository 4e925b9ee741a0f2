import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { consentPolicies } from '@app/access';
import { PARENT_RELATIONSHIPS } from '@app/domain';
import { dayOf as today } from '@app/domain';
import { CONSENT_PURPOSES, INFORMATION_CATEGORIES, NAMED_AGENCIES } from '@app/domain';
import type { ChildRecord } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { GetChildRecordQuery } from '../../children/child-queries';
import { RecordConsentDecisionCommand } from '../../consent/consent-commands';
import { ConsentDecisionDto } from '../../consent/consent.dto';
import { Requester, type RequestContext } from '../../http/request-context';
import { CLOCK } from '../../http/tokens';
import { validationPipe } from '../../http/validation';
import { blankFields, type FormRequest, formPage } from '../error-pages';
import { dateBoxes, dayOf, definedFields, type FormBody, textOf, ticksOf } from '../form-values';
import { Page } from '../page.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });
const words = (values: readonly string[]) =>
  values.map((value) => ({ value, text: value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }));

/** The consent form's fields as POST /children/:childId/consents takes them (Box 14: purpose, use, recipients, retention). */
const consentBody = (f: FormBody) => {
  const giverKind = textOf(f, 'giverKind');
  const evidenceForm = textOf(f, 'evidenceForm');
  return definedFields({
    decision: textOf(f, 'decision'),
    giver:
      giverKind === 'child'
        ? { kind: 'child' }
        : definedFields({
            kind: giverKind,
            name: textOf(f, 'giverName'),
            relationship: textOf(f, 'giverRelationship'),
          }),
    informed: definedFields({
      purpose: textOf(f, 'informedPurpose'),
      use: textOf(f, 'informedUse'),
      recipients: textOf(f, 'informedRecipients'),
      retention: textOf(f, 'informedRetention'),
    }),
    scope: {
      purposes: ticksOf(f, 'purposes'),
      recipients: ticksOf(f, 'recipients'),
      categories: ticksOf(f, 'categories'),
    },
    evidence: definedFields({
      form: evidenceForm,
      documentRef: textOf(f, 'documentRef'),
      witnessedBy: evidenceForm === 'verbal' ? textOf(f, 'witnessedBy') : undefined,
    }),
    decidedOn: dayOf(f, 'decidedOn'),
    expiresOn: dayOf(f, 'expiresOn'),
    reason: textOf(f, 'reason'),
  });
};

/** Back to the case the form was opened from, never anywhere else. */
const caseReturn = (returnTo: unknown): string | undefined =>
  typeof returnTo === 'string' && /^\/app\/referrals\/[0-9a-f-]{36}$/.test(returnTo) ? returnTo : undefined;

/** An API field's error links to the input that holds it. */
const ANCHORS: Record<string, string> = {
  decidedOn: 'decidedOn-day',
  expiresOn: 'expiresOn-day',
  'giver.kind': 'giverKind',
  'giver.name': 'giverName',
  'giver.relationship': 'giverRelationship',
  'informed.purpose': 'informedPurpose',
  'informed.use': 'informedUse',
  'informed.recipients': 'informedRecipients',
  'informed.retention': 'informedRetention',
  'scope.purposes': 'purposes',
  'scope.recipients': 'recipients',
  'scope.categories': 'categories',
  'evidence.form': 'evidenceForm',
  'evidence.documentRef': 'documentRef',
  'evidence.witnessedBy': 'witnessedBy',
};

/** Recording a consent decision, behind `consent.record`, the policy of POST /children/:childId/consents, through its command handler. */
@Page()
@Controller('app/children/:childId/consents')
export class ConsentPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Policy(consentPolicies.record)
  @Render('school/consent-form')
  async form(@Param('childId', uuid) childId: string, @Query('returnTo') returnTo: unknown) {
    return this.model(childId, {
      ...dateBoxes('decidedOn', today(this.clock().toISOString())),
      decision: 'given',
      giverKind: 'parent-carer',
      evidenceForm: 'written',
      returnTo: caseReturn(returnTo) ?? '',
    });
  }

  @Post()
  @Policy(consentPolicies.record)
  async record(
    @Param('childId', uuid) childId: string,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const sent = (req.body ?? {}) as FormBody;
    const sentBody = consentBody(sent);
    formPage(
      req,
      'school/consent-form',
      await this.model(childId, sent),
      ANCHORS,
      blankFields(
        { decision: 'Select whether consent was given or refused', decidedOn: 'Enter the date of the decision' },
        sentBody,
      ),
    );
    const body = (await validationPipe.transform(sentBody, {
      type: 'body',
      metatype: ConsentDecisionDto,
    })) as ConsentDecisionDto;
    await this.commands.execute(new RecordConsentDecisionCommand(childId, body, requester));
    res.redirect(303, `${caseReturn(sent.returnTo) ?? '/app'}?done=consent`);
  }

  private async model(childId: string, values: FormBody) {
    const child: ChildRecord = await this.queries.execute(new GetChildRecordQuery(childId));
    return {
      title: 'Record a consent decision',
      childId,
      childName: `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim(),
      options: {
        purposes: words(CONSENT_PURPOSES),
        recipients: [{ value: child.schoolId, text: 'This school' }, ...words(NAMED_AGENCIES)],
        categories: words(INFORMATION_CATEGORIES),
        relationships: words(PARENT_RELATIONSHIPS),
      },
      values,
    };
  }
}
