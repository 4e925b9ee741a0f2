import { checkpoints } from '@app/projections';
import { segmentsMismatch } from '@app/projections';
import { ConfigError } from '@app/platform';
import type { PlatformRuntime } from './open-platform';

/** Before any projection runs: the stored checkpoints must fit PROJECTION_SEGMENTS (ADR 027). */
export async function refuseMismatchedSegments(runtime: PlatformRuntime): Promise<void> {
  const stored = await checkpoints.names(runtime.dataSource.manager);
  const mismatch = segmentsMismatch(runtime.projections.projections, runtime.config.projectionSegments, stored);
  if (mismatch) throw new ConfigError('PROJECTION_SEGMENTS', mismatch);
}
