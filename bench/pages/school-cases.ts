import { endingSessions, steps } from '@app/domain/testing';

/**
 * A school's cases made through the API, as a school's staff would make them: used by the
 * browser suites and by `npm run bench:pages` to fill the screens they measure.
 */
export interface SchoolApi {
  post(path: string, body: object, asUser: string): Promise<Record<string, unknown>>;
}

/** The API on `baseUrl`, each request with a token for the user it is made as. */
export function schoolApi(baseUrl: string, tokenFor: (userId: string) => Promise<string>): SchoolApi {
  return {
    async post(path, body, asUser) {
      const answer = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor(asUser)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await answer.json()) as Record<string, unknown>;
      if (!answer.ok) throw new Error(`POST ${path} as ${asUser}: ${answer.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

/** A step's body: the domain's example command less what the platform supplies. */
export const stepBodyOf = (command: object, overrides: object = {}): Record<string, unknown> => {
  const {
    type: _t,
    referralId: _r,
    consent: _c,
    assessmentId: _a,
    planId: _p,
    sessionId: _s,
    reviewId: _v,
    followUpId: _f,
    ...rest
  } = command as Record<string, unknown>;
  return { ...rest, ...overrides };
};

const SENCO = 'senco.oakfield';
const MENTOR = 'mentor.oakfield';

export async function registerChild(
  api: SchoolApi,
  givenName: string,
  familyName: string,
  yearGroup = 6,
): Promise<string> {
  const made = await api.post(
    '/children',
    { givenName, familyName, dateOfBirth: '2015-04-02', schoolId: 'school-oakfield', yearGroup, flags: [] },
    SENCO,
  );
  return String(made.childId);
}

/** A mother's written consent to learning-mentor support, covering `from` to `until`. */
export async function giveMentoringConsent(
  api: SchoolApi,
  childId: string,
  from: string,
  until: string,
): Promise<void> {
  await api.post(
    `/children/${childId}/consents`,
    {
      decision: 'given',
      giver: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
      informed: {
        purpose: 'Learning mentor support',
        use: 'Planning and reviewing mentoring',
        recipients: 'The school learning mentor team',
        retention: 'Until the case closes plus six years',
      },
      scope: {
        purposes: ['learning-mentor-support'],
        recipients: ['school-oakfield'],
        categories: ['education', 'attendance', 'behaviour'],
      },
      evidence: { form: 'written', documentRef: `consent-form-${childId.slice(0, 8)}` },
      decidedOn: from,
      expiresOn: until,
    },
    SENCO,
  );
}

export async function refer(api: SchoolApi, childId: string, referredOn = steps.refer.referredOn): Promise<string> {
  const made = await api.post(
    '/referrals',
    stepBodyOf(steps.refer, { childId, referredOn, profile: { ...steps.refer.profile, completedOn: referredOn } }),
    MENTOR,
  );
  return String(made.referralId);
}

export async function triageOnto(
  api: SchoolApi,
  referralId: string,
  triagedOn = steps.triage.triagedOn,
  mentorId = MENTOR,
): Promise<void> {
  await api.post(`/referrals/${referralId}/triage`, stepBodyOf(steps.triage, { mentorId, triagedOn }), SENCO);
}

/** The seeds' Year 6 case from its agreement to its follow-up (the example's spring-term dates). */
export async function walkToFollowUp(api: SchoolApi, referralId: string): Promise<void> {
  const step = (name: string, command: object) =>
    api.post(`/referrals/${referralId}/${name}`, stepBodyOf(command), MENTOR);
  await step('mentoring-agreement', steps.agree);
  await step('assessment', steps.assess);
  await step('targets', steps.targets);
  await step('action-plan', steps.plan);
  await step('sessions', steps.session);
  await step('reviews', steps.reviewBeginEnding);
  await step('ending', steps.ending);
  for (const session of endingSessions) await step('sessions', session);
  await step('closure', steps.close);
  await step('follow-up', steps.followUp);
}
