import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type Browser, chromium } from 'playwright-core';
import type { PlatformConfig } from '@app/platform';
import { CONFIG } from '../../http/tokens';

/** Only what Chromium needs from the process's environment: no preloaded libraries of the host's. */
const browserEnvironment = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[0] !== 'LD_PRELOAD' && !e[0].startsWith('FAKETIME'),
    ),
  );

/**
 * A self-contained HTML page printed to PDF by the browser engine (Chromium, headless, by
 * playwright-core): what the dpo downloads is what the printable page shows. One browser
 * is started at the first print and kept; each print has its own context, with JavaScript
 * off and no network, so a page can only be what the platform wrote.
 */
@Injectable()
export class PdfPrinter implements OnModuleDestroy {
  private browser: Promise<Browser> | null = null;

  constructor(@Inject(CONFIG) private readonly config: PlatformConfig) {}

  async print(html: string): Promise<Buffer> {
    const browser = await this.browserOf();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await context.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private browserOf(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.config.web.pdfBrowserPath,
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
    // A browser that failed to start is tried again at the next print.
    this.browser.catch(() => (this.browser = null));
    return this.browser;
  }
}
