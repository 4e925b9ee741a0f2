import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ChainAnchors } from '@app/access';
import type { PlatformConfig } from '@app/platform';
import { PeriodicTask } from '../http/periodic-task';
import { CONFIG } from '../http/tokens';

/**
 * Signs the head of the access-log chain every AUDIT_ANCHOR_INTERVAL_SECONDS, when it has
 * moved since the last anchor (ADR 013). Whatever is cut from the log after an anchor is
 * then caught by /audit/verify; what is cut before the first one is not.
 */
@Injectable()
export class ChainAnchoring implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly task: PeriodicTask;

  constructor(anchors: ChainAnchors, @Inject(CONFIG) config: PlatformConfig) {
    this.task = new PeriodicTask('ChainAnchoring', config.auditAnchorIntervalSeconds * 1000, async () =>
      (await anchors.anchorIfMoved()) ? 1 : 0,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start({ runAtOnce: false });
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
