import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { subjectAccessPolicies } from '@app/access';
import { dayOf, type IsoDate } from '@app/domain';
import { type QueuedRequest, subjectAccessQueue, subjectAccessRequest } from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { Decisions } from '../../http/decisions';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody, stepNamed } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { channelLabel, ukDate } from '../../sharing/report-words';
import { subjectAccessPage } from '../../sharing/subject-access-page';
import { releasedPack } from '../../subject-access/released-pack';
import {
  RecordSubjectAccessRequestCommand,
  TakeSubjectAccessStepCommand,
} from '../../subject-access/subject-access-commands';
import { SUBJECT_ACCESS_STEPS } from '../../subject-access/subject-access-steps';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { type FormField, formBody } from '../form-fields';
import { numberOf } from '../form-values';
import { Page } from '../page.decorator';
import {
  EXTENSION_FIELDS,
  IDENTITY_WORDS,
  KIND_WORDS,
  newRequestFields,
  RELATIONSHIP_WORDS,
  RESPONSE_FIELDS,
  STATUS_TAGS,
} from './subject-access-words';

const uuid = new ParseUUIDPipe({ version: '4' });
const BASE = '/app/dpo/subject-access-requests';
const DAY_MS = 86_400_000;

const STEP_FORMS: Readonly<
  Record<string, { title: string; fields: readonly FormField[]; submitText: string; done: string }>
> = {
  extension: {
    title: 'Extend the request',
    fields: EXTENSION_FIELDS,
    submitText: 'Record the extension',
    done: 'The extension is recorded',
  },
  response: {
    title: 'Send the response',
    fields: RESPONSE_FIELDS,
    submitText: 'Release the response pack',
    done: 'The response pack is released and the request closed',
  },
};

/** Calendar days from today to the due day: negative once it has passed. */
const daysLeft = (dueBy: IsoDate, today: IsoDate) =>
  Math.round((Date.parse(`${dueBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);

type Person = { name?: string; relationship?: string } | null;
type Extension = {
  months: number;
  reason: string | null;
  requesterToldOn: string;
  extendedBy: { userId: string };
  extendedAt: string;
} | null;
type Released = {
  disclosureId: string;
  channel: string;
  sent: { digest: string; items: unknown[] };
  releasedBy: { userId: string };
  releasedAt: string;
} | null;

/**
 * The dpo's subject-access requests (ADR 015) as pages: the queue with each request's clock,
 * a request with its timeline, the forms that extend and answer it, and the pack as released.
 * Each is the API's policy, query and step (`/subject-access-requests`).
 */
@Page()
@Controller('app/dpo/subject-access-requests')
export class SubjectAccessRequestsPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly decisions: Decisions,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Policy(subjectAccessPolicies.work)
  @Render('dpo/subject-access-requests')
  async queue() {
    const today = this.today();
    const requests = (await subjectAccessQueue(this.dataSource.manager, today)).map((r) => this.described(r, today));
    return {
      title: 'Subject-access requests',
      today,
      counts: (['overdue', 'due', 'answered'] as const).map((s) => ({
        tag: STATUS_TAGS[s],
        count: requests.filter((r) => r.status === s).length,
      })),
      open: requests.filter((r) => r.status !== 'answered'),
      answered: requests.filter((r) => r.status === 'answered'),
    };
  }

  @Get('new')
  @Policy(subjectAccessPolicies.work)
  @Render('dpo/subject-access-new')
  newRequest() {
    return this.newModel();
  }

  @Post('new')
  @Policy(subjectAccessPolicies.work)
  async record(
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = this.newModel();
    formPage(req, 'dpo/subject-access-new', model);
    const flat = formBody(model.fields, form);
    const body = {
      childId: flat.childId,
      kind: flat.kind,
      requester: { name: flat['requester.name'], relationship: flat['requester.relationship'] },
      identityCheck: { method: flat['identityCheck.method'], details: flat['identityCheck.details'] },
      receivedOn: flat.receivedOn,
    };
    try {
      const { requestId } = await this.commands.execute(new RecordSubjectAccessRequestCommand(body, requester));
      res.redirect(303, `${BASE}/${requestId}`);
    } catch (error) {
      // A mistyped id is the form's mistake: said on the field, not as a missing page.
      if (error instanceof NotFoundException)
        throw new BadRequestException({
          message: "No child has this id: check it against the child's record",
          field: 'childId',
        });
      throw error;
    }
  }

  @Get(':requestId')
  @Policy(subjectAccessPolicies.work)
  @Render('dpo/subject-access-request')
  async request(@Param('requestId', uuid) requestId: string, @Query('recorded') recorded?: string) {
    const found = await this.read(requestId);
    return {
      title: 'Subject-access request',
      request: found,
      timeline: this.timeline(found, await directoryNames(this.directory)),
      recorded: recorded && Object.hasOwn(STEP_FORMS, recorded) ? STEP_FORMS[recorded].done : null,
    };
  }

  /** The pack as it went to the requester, from the log, to print or save and send by the channel recorded. */
  @Get(':requestId/response-pack')
  @Policy(subjectAccessPolicies.work)
  async pack(@Param('requestId', uuid) requestId: string, @Res() res: Response) {
    res.type('html').send(subjectAccessPage(await releasedPack(this.decisions, requestId)));
  }

  @Get(':requestId/:step')
  @Policy(subjectAccessPolicies.work)
  @Render('dpo/subject-access-step')
  async stepForm(@Param('requestId', uuid) requestId: string, @Param('step') step: string) {
    return this.stepModel(requestId, step);
  }

  @Post(':requestId/:step')
  @Policy(subjectAccessPolicies.work)
  async takeStep(
    @Param('requestId', uuid) requestId: string,
    @Param('step') stepName: string,
    @Body() form: Record<string, unknown>,
    @Requester() requester: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    const model = await this.stepModel(requestId, stepName);
    // The domain's message names the rule in ISO days; the form says it in the dpo's words.
    formPage(
      req,
      'dpo/subject-access-step',
      model,
      {},
      { lateReason: `Enter why the response is late: it was due by ${ukDate(model.request.dueBy)}` },
    );
    const step = SUBJECT_ACCESS_STEPS[stepName];
    const typed = formBody(model.fields, form);
    const fields = await stepBody(
      step,
      stepName === 'extension' ? { ...typed, months: numberOf(form, 'months') } : typed,
    );
    await this.commands.execute(new TakeSubjectAccessStepCommand(requestId, step, fields, undefined, requester));
    res.redirect(303, `${BASE}/${requestId}?recorded=${stepName}`);
  }

  private newModel() {
    return {
      title: 'Log a subject-access request',
      fields: newRequestFields(this.today()),
      action: `${BASE}/new`,
      submitText: 'Log the request',
    };
  }

  private async stepModel(requestId: string, stepName: string) {
    const form = stepNamed(STEP_FORMS, stepName);
    const found = await this.read(requestId);
    return {
      title: form.title,
      request: found,
      step: stepName,
      fields: form.fields,
      submitText: form.submitText,
      action: `${BASE}/${requestId}/${stepName}`,
    };
  }

  private async read(requestId: string) {
    const today = this.today();
    const found = await subjectAccessRequest(this.dataSource.manager, today, requestId);
    if (!found) throw new NotFoundException({ message: `No subject-access request ${requestId}`, field: 'requestId' });
    return this.described(found, today);
  }

  /** The request as the pages show it: its words, its clock's tag and the days left (or over). */
  private described(r: QueuedRequest, today: IsoDate) {
    const requester = r.requester as Person;
    const left = daysLeft(r.dueBy, today);
    return {
      ...r,
      receivedOn: String(r.receivedOn),
      firstDueBy: String(r.firstDueBy),
      recordedAt: r.recordedAt as Date,
      recordedBy: r.recordedBy as { userId: string } | undefined,
      tag: STATUS_TAGS[r.status],
      kindText: KIND_WORDS[String(r.kind)] ?? r.kind,
      requesterName: requester?.name ?? '(erased)',
      relationship: requester?.relationship ? RELATIONSHIP_WORDS[requester.relationship] : '',
      identity: r.identityCheck as { method?: string; details?: string } | null,
      identityText: IDENTITY_WORDS[String((r.identityCheck as { method?: string } | null)?.method)] ?? '',
      extension: r.extension as Extension,
      response: r.response as Released,
      breach: r.breach as { dueBy: string; reason: string } | null,
      daysLeft: r.status === 'answered' ? null : left,
      clockText:
        r.status === 'answered'
          ? null
          : left < 0
            ? `${-left} day${left === -1 ? '' : 's'} overdue`
            : left === 0
              ? 'Due today'
              : `${left} day${left === 1 ? '' : 's'} left`,
    };
  }

  /** What happened to the request, in order, with who did it. */
  private timeline(
    r: ReturnType<SubjectAccessRequestsPage['described']>,
    names: Awaited<ReturnType<typeof directoryNames>>,
  ) {
    const who = (by: { userId: string } | undefined) => (by ? (names.users[by.userId] ?? by.userId) : '');
    return [
      {
        title: 'Request received and logged',
        at: r.recordedAt.toISOString(),
        by: who(r.recordedBy),
        text: `Received on ${ukDate(r.receivedOn)}, from ${r.requesterName}. Due by ${ukDate(r.firstDueBy)}.`,
      },
      ...(r.extension
        ? [
            {
              title: `Extended by ${r.extension.months} month${r.extension.months === 1 ? '' : 's'}`,
              at: r.extension.extendedAt,
              by: who(r.extension.extendedBy),
              text: `${r.extension.reason ? `${r.extension.reason.replace(/\.?$/, '.')} ` : ''}The requester was told on ${ukDate(r.extension.requesterToldOn)}. Now due by ${ukDate(r.dueBy)}.`,
            },
          ]
        : []),
      ...(r.response
        ? [
            {
              title: 'Response pack released',
              at: r.response.releasedAt,
              by: who(r.response.releasedBy),
              text: `Sent ${channelLabel(r.response.channel).toLowerCase()}: ${r.response.sent.items.length} item${r.response.sent.items.length === 1 ? '' : 's'}, digest ${r.response.sent.digest}.`,
            },
          ]
        : []),
      ...(r.answeredOn
        ? [
            {
              title: r.breach ? 'Answered late' : 'Answered on time',
              at: r.response?.releasedAt ?? r.answeredOn,
              by: who(r.response?.releasedBy),
              text: r.breach
                ? `Due by ${ukDate(r.breach.dueBy)}; answered on ${ukDate(r.answeredOn)}. Why late: ${r.breach.reason}`
                : `Answered on ${ukDate(r.answeredOn)}.`,
            },
          ]
        : []),
    ];
  }

  private today(): IsoDate {
    return dayOf(this.clock().toISOString());
  }
}
