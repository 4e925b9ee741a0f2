import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { FAMILY_ROLES, familyPolicies } from '@app/access';
import { PARENT_RELATIONSHIPS } from '@app/domain';
import { EVIDENCE_CHECKS, FAMILY_MEMBER_KINDS } from '@app/domain';
import { dayOf as dayOfInstant } from '@app/domain';
import type { ChildRecord } from '@app/projections';
import { linksOfChild } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { GetChildRecordQuery } from '../../children/child-queries';
import { LinkFamilyMemberBody, UnlinkFamilyMemberBody } from '../../family/family-bodies';
import { LinkFamilyMemberCommand, UnlinkFamilyMemberCommand } from '../../family/family-commands';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { type FormRequest, formPage } from '../error-pages';
import { optionsOf } from '../form-fields';
import { dayOf, definedFields, textOf, ticksOf } from '../form-values';
import { Page } from '../page.decorator';

const uuid = new ParseUUIDPipe({ version: '4' });
const VIEW = 'safeguarding/family-links';
const KINDS: Record<(typeof FAMILY_MEMBER_KINDS)[number], string> = {
  'parent-carer': 'Parent or carer',
  'young-person': 'The young person',
};
/** The form's inputs are named by the API's field paths; a date's error links to its day box. */
const ANCHORS = { 'evidence.checkedOn': 'evidence.checkedOn-day' };
/** What to ask for when a field is left blank, by the API's field path (its message names the rule, not the question). */
const BLANK: Readonly<Record<string, string>> = {
  userId: 'Select the account to link',
  kind: 'Select whether the account is a parent or carer, or the young person',
  'evidence.checked': 'Select what you checked',
  'evidence.documentRef': 'Enter where the document you checked is kept',
  'evidence.checkedOn': 'Enter the date you checked it',
  reason: 'Enter why the account is unlinked',
};

/**
 * The school's side of ADR 017 in the browser: the DSL or head teacher links a family account
 * to the child on evidence, and ends a link with a reason, through the same commands and
 * policies as `/children/:childId/family-links`; the family domain's refusals come back on the form.
 */
@Page()
@Controller('app/children/:childId/family-links')
export class FamilyLinksPages {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Policy(familyPolicies.readLinks)
  @Render(VIEW)
  links(@Param('childId', uuid) childId: string) {
    return this.model(childId);
  }

  @Post()
  @Policy(familyPolicies.link)
  async link(
    @Param('childId', uuid) childId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const ticked = ticksOf(form, 'evidence.checked');
    const body = definedFields({
      userId: textOf(form, 'userId'),
      kind: textOf(form, 'kind'),
      relationship: textOf(form, 'relationship'),
      evidence: definedFields({
        // Nothing ticked is left out, so the domain names the list as missing.
        checked: ticked.length > 0 ? ticked : undefined,
        documentRef: textOf(form, 'evidence.documentRef'),
        checkedOn: dayOf(form, 'evidence.checkedOn'),
        notes: textOf(form, 'evidence.notes'),
      }),
      linkedOn: this.today(),
    });
    const evidence = body.evidence as Record<string, unknown>;
    const blank = Object.fromEntries(
      Object.entries(BLANK).filter(([path]) =>
        path.startsWith('evidence.')
          ? evidence[path.slice('evidence.'.length)] === undefined
          : body[path] === undefined,
      ),
    );
    formPage(req, VIEW, await this.model(childId), ANCHORS, blank);
    const checked = await stepBody({ body: LinkFamilyMemberBody }, body);
    await this.commands.execute(new LinkFamilyMemberCommand(childId, checked, requester));
    res.redirect(303, `/app/children/${childId}/family-links`);
  }

  @Post(':linkId/unlinking')
  @Policy(familyPolicies.link)
  async unlink(
    @Param('childId', uuid) childId: string,
    @Param('linkId', uuid) linkId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    // Each live link has its own reason box: the error is shown on the one that was sent.
    formPage(req, VIEW, { ...(await this.model(childId)), unlinking: linkId }, { reason: `reason-${linkId}` }, BLANK);
    const body = await stepBody(
      { body: UnlinkFamilyMemberBody },
      definedFields({ reason: textOf(form, 'reason'), unlinkedOn: this.today() }),
    );
    await this.commands.execute(new UnlinkFamilyMemberCommand(childId, linkId, body, requester));
    res.redirect(303, `/app/children/${childId}/family-links`);
  }

  private async model(childId: string) {
    const [child, rows, users] = await Promise.all([
      this.queries.execute(new GetChildRecordQuery(childId)) as Promise<ChildRecord>,
      linksOfChild(this.dataSource.manager, childId),
      this.directory.users(),
    ]);
    const userNames = new Map(users.map((u) => [u.userId, u.displayName]));
    const nameOf = (userId: string | null) => (userId ? (userNames.get(userId) ?? userId) : null);
    const name = `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim();
    const accounts = users
      .filter((u) => u.active && FAMILY_ROLES.includes(u.role))
      .map((u) => ({ value: u.userId, text: u.displayName }));
    const checks = optionsOf(EVIDENCE_CHECKS);
    const checkWords = new Map(checks.map((c) => [c.value, c.text]));
    return {
      title: `Family accounts linked to ${name}`,
      child: { childId, name },
      links: rows.map((l) => ({
        linkId: l.linkId,
        account: nameOf(l.userId),
        kind: KINDS[l.kind as keyof typeof KINDS] ?? l.kind,
        relationship: l.relationship,
        // Null once the child's record is erased: the link stays, what was checked goes.
        evidence: l.evidence && {
          checked: l.evidence.checked.map((c) => checkWords.get(c) ?? c),
          documentRef: l.evidence.documentRef,
          checkedOn: l.evidence.checkedOn,
          notes: l.evidence.notes,
        },
        linkedOn: l.linkedOn,
        linkedBy: nameOf(l.linkedBy),
        unlinked: l.unlinkedOn ? { on: l.unlinkedOn, reason: l.unlinkReason, by: nameOf(l.unlinkedBy) } : null,
      })),
      accounts,
      kinds: FAMILY_MEMBER_KINDS.map((k) => ({ value: k, text: KINDS[k] })),
      relationships: optionsOf(PARENT_RELATIONSHIPS),
      checks,
    };
  }

  private today(): string {
    return dayOfInstant(this.clock().toISOString());
  }
}
