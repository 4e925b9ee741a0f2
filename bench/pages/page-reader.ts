/**
 * A signed-in browser without the browser: signs in through the embedded sign-in form and
 * reads pages with the session cookie, as Chromium would (no JavaScript, no assets).
 */
export interface PageReader {
  get(path: string): Promise<{ readonly status: number; readonly html: string }>;
}

const cookieOf = (response: Response, name: string): string => {
  const found = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie from ${response.url}`);
  return found.split(';')[0];
};

export async function signedInReader(baseUrl: string, userId: string): Promise<PageReader> {
  const signInPage = await fetch(`${baseUrl}/app/sign-in`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await signInPage.text())?.[1];
  if (!csrf) throw new Error('the sign-in page has no CSRF token');
  const signedIn = await fetch(`${baseUrl}/app/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(signInPage, 'mast_sign_in') },
    body: new URLSearchParams({ _csrf: csrf, userId, next: '/app' }).toString(),
  });
  if (signedIn.status !== 303) throw new Error(`sign-in as ${userId} answered ${signedIn.status}`);
  const session = cookieOf(signedIn, 'mast_session');
  return {
    async get(path) {
      const answer = await fetch(`${baseUrl}${path}`, { headers: { cookie: session }, redirect: 'manual' });
      return { status: answer.status, html: await answer.text() };
    },
  };
}
