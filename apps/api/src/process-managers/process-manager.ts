import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '../http/periodic-task';

/**
 * A reaction the platform owes to what was recorded or to the passing of time (ADR 028):
 * it reads what is due from a read model, acts through the one write path (Decisions), and
 * runs every so often, on demand, and once at start-up when it says so. Each run returns how
 * many acts it took; a repeat finds nothing left to do, so two processes may both run it.
 */
export abstract class ProcessManager implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly task: PeriodicTask;

  protected constructor(
    name: string,
    everyMs: number,
    private readonly runAtStart: boolean,
  ) {
    this.task = new PeriodicTask(name, everyMs, () => this.react());
  }

  onApplicationBootstrap(): void {
    this.task.start({ runAtOnce: this.runAtStart });
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Runs now (joining a run under way); resolves with how many acts it took. */
  runNow(): Promise<number> {
    return this.task.runNow();
  }

  protected abstract react(): Promise<number>;
}
