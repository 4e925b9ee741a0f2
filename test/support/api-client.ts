import request from 'supertest';
import type { PlatformUnderTest } from './platform-under-test';

/** A supertest agent: every request it makes carries the headers set on it. */
export type ApiAgent = ReturnType<typeof request.agent>;

/** What signing in to the API needs of a platform: its HTTP server and its local token issuer. */
export type SignsIn = Pick<PlatformUnderTest, 'http' | 'tokenFor'>;

/** The Authorization header a directory user's client sends: a freshly signed bearer token. */
export const bearerFor = async (platform: SignsIn, userId: string): Promise<string> =>
  `Bearer ${await platform.tokenFor(userId)}`;

/** The API as one user calls it: a supertest agent that sends the user's bearer token with every request. */
export async function apiAs(platform: SignsIn, userId: string): Promise<ApiAgent> {
  return request.agent(platform.http).set('Authorization', await bearerFor(platform, userId));
}

const defaultChild = {
  familyName: 'Example',
  dateOfBirth: '2015-02-11',
  schoolId: 'school-oakfield',
  yearGroup: 6,
  flags: [] as string[],
};
/** A child's details as the SENCo registers them: a given name, and what differs from a Year 6 pupil of Oakfield. */
export type NewChild = { readonly givenName: string; readonly upn?: string } & Partial<typeof defaultChild>;

/**
 * The API as a suite's users call it, each call naming its user. A fresh token for every call,
 * so a suite that moves the platform clock on never meets an old one. `platform` may be a
 * getter, so a suite can name its calls before its platform opens (or after it restarts).
 */
export function apiClient(platform: SignsIn | (() => SignsIn)) {
  const current = typeof platform === 'function' ? platform : () => platform;
  const as = (userId: string) => apiAs(current(), userId);
  /** A pupil of Oakfield registered by its SENCo (Year 6 unless told otherwise): the child's id, or the suite stops here. */
  const registerChild = async ({ givenName, ...details }: NewChild, by = 'senco.oakfield'): Promise<string> => {
    const answer = await (await as(by)).post('/children').send({ givenName, ...defaultChild, ...details });
    if (answer.status !== 201)
      throw new Error(`${givenName} not registered: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.childId as string;
  };
  return {
    as,
    registerChild,
    bearer: (userId: string) => bearerFor(current(), userId),
    get: async (userId: string, path: string) => (await as(userId)).get(path),
    post: async (userId: string, path: string, body: object = {}) => (await as(userId)).post(path).send(body),
    put: async (userId: string, path: string, body: object) => (await as(userId)).put(path).send(body),
    patch: async (userId: string, path: string, body: object) => (await as(userId)).patch(path).send(body),
    delete: async (userId: string, path: string) => (await as(userId)).delete(path),
  };
}

/** A referral step's request body: the domain's example command, less what the platform supplies (ids, the consent answers). */
export const stepBody = (command: object, overrides: object = {}) => {
  const {
    type: _type,
    referralId: _referral,
    consent: _consent,
    assessmentId: _a,
    planId: _p,
    sessionId: _s,
    reviewId: _r,
    followUpId: _f,
    ...rest
  } = command as Record<string, unknown>;
  return { ...rest, ...overrides };
};
