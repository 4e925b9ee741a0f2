import { Directory } from '@app/access';
import { expectAccessible, keepScreenshot, openScreens, type Screens } from './support/browser';
import { type OpenIdProvider, startOpenIdProvider } from './support/openid-provider';

/** This suite's own address: the identity provider sends the browser back to a callback it must know beforehand. */
const PORT = 30345;
const CLIENT_ID = 'mast-pages';

// A walk of many pages on a shared 2-core machine: minutes, not the default minute.
jest.setTimeout(240_000);

describe('signing in with OIDC_ISSUER: the authorisation-code flow with PKCE (openid-client), in Chromium', () => {
  let provider: OpenIdProvider;
  let screens: Screens;

  beforeAll(async () => {
    provider = await startOpenIdProvider(CLIENT_ID);
    screens = await openScreens(
      'screens_oidc',
      {
        OIDC_ISSUER: provider.issuer,
        OIDC_AUDIENCE: 'mast',
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_REDIRECT_URL: `http://127.0.0.1:${PORT}/app/sign-in/callback`,
      },
      {},
      PORT,
    );
    // With an identity provider the directory is not seeded: its users are added, as an administrator would.
    const directory = screens.platform.app.get(Directory);
    await directory.addAgency({ agencyId: 'school-oakfield', name: 'Oakfield Primary School', kind: 'school' });
    await directory.addUser({
      userId: 'senco.oakfield',
      displayName: 'Tom Evans (SENCo)',
      role: 'senco',
      agencyId: 'school-oakfield',
    });
  }, 60_000);
  afterAll(async () => {
    await screens?.close();
    await provider?.close();
  });

  it('the seeded-user list is gone; the provider signs the user in and the session cookie is Secure', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await page.goto('/app');
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(await page.locator('input[name="userId"]').count()).toBe(0);
    const refused = await context.request.post('/app/sign-in', { form: { userId: 'senco.oakfield' }, maxRedirects: 0 });
    expect(refused.status()).toBe(404);
    await expectAccessible(page);
    await keepScreenshot(page, 'sign-in-oidc');

    provider.signInAs('senco.oakfield');
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await page.waitForURL(`http://127.0.0.1:${PORT}/app`);
    expect(await page.locator('h1').textContent()).toBe('Your work');
    expect(await page.locator('.app-signed-in-as').textContent()).toBe('Tom Evans (SENCo)');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'mast_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/app' });
    expect(provider.refusals).toEqual([]);
    await context.close();
  });

  it('a subject the directory does not know is not signed in', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    provider.signInAs('stranger');
    await page.goto('/app/sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await page.waitForURL(/\/app\/sign-in\/callback/);
    expect(await page.locator('h1').textContent()).toBe('You could not be signed in');
    expect((await context.cookies()).filter((c) => c.name === 'mast_session')).toEqual([]);
    await expectAccessible(page);
    await context.close();
  });
});
