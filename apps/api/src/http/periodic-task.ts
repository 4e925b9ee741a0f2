import { Logger } from '@nestjs/common';

/**
 * Background work run every so often and on demand. A run asked for while one is under way
 * joins it rather than starting a second; a failed run is logged and tried again next time.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<number>,
  ) {
    this.logger = new Logger(name);
  }

  start(options: { runAtOnce: boolean }): void {
    if (options.runAtOnce) void this.quietly();
    this.timer = setInterval(() => void this.quietly(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  runNow(): Promise<number> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private quietly(): Promise<unknown> {
    return this.runNow().catch((error: Error) => this.logger.error(`failed, will try again: ${error.message}`));
  }
}
