import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startPlatform, type PlatformOptions, type PlatformUnderTest } from '../../support/platform-under-test';

/** Debian's Chromium (`.ci/run` installs it): playwright's own download cannot reach us. */
export const CHROMIUM = '/usr/bin/chromium';
/** The WCAG 2.2 A and AA rules axe-core knows, and those of 2.0 and 2.1 they build on. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Chromium without libfaketime: the suite's days-ahead run preloads it into node, and a
 * child inherits LD_PRELOAD. The pages never read the browser's clock (the session warning
 * counts from page load), so the browser keeps the real time, as PostgreSQL and Kafka do.
 */
const browserEnvironment = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && !['LD_PRELOAD', 'FAKETIME', 'FAKETIME_NO_CACHE', 'DYLD_INSERT_LIBRARIES'].includes(e[0]),
    ),
  );

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: browserEnvironment(),
  });
}

/** The platform as `npm start` runs it, listening on an ephemeral loopback port, and a browser to walk it. */
export interface Screens {
  readonly platform: PlatformUnderTest;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** A fresh browser profile (its own cookies), JavaScript on unless asked. */
  context(options?: { javaScriptEnabled?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** `port`: 0 for any free one; a suite whose configuration names its own address (an OIDC callback) gives one. */
export async function openScreens(
  label: string,
  env: Record<string, string> = {},
  options: PlatformOptions = {},
  port = 0,
): Promise<Screens> {
  const platform = await startPlatform(label, env, options);
  await platform.app.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(platform.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    platform,
    browser,
    baseUrl,
    context: (o = {}) => browser.newContext({ baseURL: baseUrl, javaScriptEnabled: o.javaScriptEnabled ?? true }),
    async close() {
      await browser.close();
      await platform.close();
    },
  };
}

/** Every page visited is checked against WCAG 2.2 A and AA: any violation fails the test, named with its nodes. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect({ url: page.url(), violations: found }).toEqual({ url: page.url(), violations: [] });
}

/** The screenshot kept in docs/screens/ for each screen, as its users see it. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, '..', '..', '..', 'docs', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Signs in through the embedded sign-in page, as a newcomer would. */
export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto('/app/sign-in');
  await page.check(`input[name="userId"][value="${userId}"]`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/sign-in'));
}
