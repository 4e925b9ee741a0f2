import request from 'supertest';
import type { PlatformUnderTest } from './platform-under-test';

/** A browser-less session on the pages: signed in through the embedded sign-in form, as a browser would be. */
export interface PageSession {
  readonly agent: ReturnType<typeof request.agent>;
  /** The session's CSRF token, for a form. */
  readonly csrf: string;
}

const hiddenCsrf = (html: string): string => {
  const found = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('no CSRF token on the page');
  return found[1];
};

export async function pageSession(platform: PlatformUnderTest, userId: string): Promise<PageSession> {
  const agent = request.agent(platform.http);
  const signInPage = await agent.get('/app/sign-in').expect(200);
  await agent
    .post('/app/sign-in')
    .type('form')
    .send({ _csrf: hiddenCsrf(signInPage.text), userId, next: '/app' })
    .expect(303);
  // A family account's home is its own record: /app sends it there.
  const home = await agent.get('/app').redirects(1).expect(200);
  return { agent, csrf: hiddenCsrf(home.text) };
}
