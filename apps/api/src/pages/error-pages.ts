import type { Request, Response } from 'express';
import type { AccessRequest } from '../access/access.guard';
import { pageLocals } from './page-locals';
import { PAGES_PATH } from './page-sessions';

/** A form page asks for its own re-rendering when the API's answer to it is a 400. */
export interface PageForm {
  readonly view: string;
  readonly model: Record<string, unknown>;
  /** Where a field's error links when its first input is not its name (a date's day box). */
  readonly anchors?: Readonly<Record<string, string>>;
  /** What to say of a field left blank, in the form's words (the API's message names the rule, not the question). */
  readonly blank?: Readonly<Record<string, string>>;
}
export interface FormRequest extends AccessRequest {
  pageForm?: PageForm;
}

/** The page to render again, with the errors, if what the form sent is refused. */
export function formPage(
  request: FormRequest,
  view: string,
  model: Record<string, unknown>,
  anchors: Readonly<Record<string, string>> = {},
  blank: Readonly<Record<string, string>> = {},
): void {
  request.pageForm = { view, model, anchors, blank };
}

/** The form's words for each field the body it sent leaves out. */
export const blankFields = (
  words: Readonly<Record<string, string>>,
  body: Readonly<Record<string, unknown>>,
): Record<string, string> => Object.fromEntries(Object.entries(words).filter(([field]) => body[field] === undefined));

export const isPageRequest = (request: Request): boolean =>
  request.path === PAGES_PATH || request.path.startsWith(`${PAGES_PATH}/`);

export interface FieldError {
  readonly text: string;
  /** The field's id on the form: the API's field name. */
  readonly href: string;
  readonly field?: string;
}

/** The GOV.UK error summary's items from an API 400: every field problem, each linked to its field. */
export function errorsOf(
  body: Record<string, unknown>,
  anchors: Readonly<Record<string, string>> = {},
  blank: Readonly<Record<string, string>> = {},
): { list: FieldError[]; byField: Record<string, string> } {
  const problems = Array.isArray(body.problems)
    ? (body.problems as Array<{ field?: string; message?: string }>)
    : [
        {
          field: typeof body.field === 'string' ? body.field : undefined,
          message: String(body.message ?? 'The request could not be read'),
        },
      ];
  // One message per field, the first the API gave (a blank field breaks every rule it has).
  const byField: Record<string, string> = {};
  const list: FieldError[] = [];
  for (const problem of problems) {
    if (problem.field && byField[problem.field]) continue;
    const text = (problem.field && blank[problem.field]) || String(problem.message);
    if (problem.field) byField[problem.field] = text;
    list.push({
      text,
      href: `#${problem.field ? (anchors[problem.field] ?? problem.field) : 'main-content'}`,
      field: problem.field,
    });
  }
  return { list, byField };
}

interface Explanation {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly reload?: string;
  readonly signIn?: boolean;
  readonly errors?: FieldError[];
  /** A restricted record: the page that asks for a reason before opening it. */
  readonly breakGlass?: string;
}

function explanationOf(status: number, body: Record<string, unknown>, request: Request): Explanation {
  const message = typeof body.message === 'string' ? body.message : '';
  const rule = typeof body.rule === 'string' ? body.rule : '';
  if (rule === 'authentication.csrf-token') {
    return {
      title: 'Your form could not be sent',
      paragraphs: [
        'The form was old or did not come from this service, so nothing was saved.',
        'Go back, reload the page and send the form again.',
      ],
      reload: request.path,
    };
  }
  if (status === 401)
    return {
      title: 'You need to sign in',
      paragraphs: [
        'You are not signed in, or your session ended because nothing happened for a while. Nothing was saved.',
      ],
      signIn: true,
    };
  if (status === 400)
    return {
      title: 'There is a problem',
      paragraphs: ['The request could not be used as it was sent.'],
      errors: errorsOf(body).list,
    };
  if (rule === 'access.restricted-record' && typeof request.params?.childId === 'string') {
    return {
      title: 'This record is restricted',
      paragraphs: [
        'Only the people the designated safeguarding lead named can open this record.',
        'If you have a legitimate need to see it now, you can open it by giving your reason: the opening is recorded and reviewed by the data-protection officer.',
      ],
      breakGlass: `${PAGES_PATH}/children/${encodeURIComponent(request.params.childId)}/break-glass`,
    };
  }
  if (status === 403) {
    return {
      title: 'You cannot see or change this record',
      paragraphs: [
        "You do not have a relationship to this child (or this record) that allows it: staff see the children of their own school, the MAST worker allocated to the child, and the agencies the child's information was shared with.",
        `The reason given: ${message || 'no relationship to this record'}.`,
        'This attempt has been recorded in the access log, with your name and the time. If you need to see this record, ask your designated safeguarding lead or the data-protection officer.',
      ],
    };
  }
  if (status === 404)
    return {
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct. If you followed a link, the record may not exist.',
      ],
    };
  if (status === 409) {
    return {
      title: 'This record has changed',
      paragraphs: [
        message || 'Someone else changed this record since you opened it, or what you asked for is no longer possible.',
        'Nothing you sent was saved. Reload the page to see the record as it is now, then make your change again if it is still needed.',
      ],
      reload: request.method === 'GET' ? request.originalUrl : request.path,
    };
  }
  if (status === 429) return { title: 'Too many requests', paragraphs: [message || 'Wait a minute and try again.'] };
  return {
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later. Nothing you sent was saved.'],
  };
}

/**
 * The API's answer to a page's request, as a page: a 400 on a form renders the form again
 * with the GOV.UK error summary; anything else is an error page saying what to do. Never a
 * stack trace: only the answer's message and the request id reach the page.
 */
export function answerAsPage(
  request: FormRequest,
  response: Response,
  status: number,
  body: Record<string, unknown>,
): void {
  if (status === 401 && body.rule === 'authentication.no-session' && request.method === 'GET') {
    response.redirect(303, `${PAGES_PATH}/sign-in?next=${encodeURIComponent(request.originalUrl)}`);
    return;
  }
  response.locals.page ??= pageLocals(request);
  const form = request.pageForm;
  if (status === 400 && form) {
    const errors = errorsOf(body, form.anchors, form.blank);
    response
      .status(400)
      .render(form.view, { ...form.model, values: request.body ?? {}, errors: errors.list, errorFor: errors.byField });
    return;
  }
  response
    .status(status)
    .render('errors/error', { status, requestId: body.requestId, ...explanationOf(status, body, request) });
}
