import { SetMetadata } from '@nestjs/common';
import type { Policy as AccessPolicy } from '@app/access/policy/policy';

export const POLICY = Symbol('policy');
export const PUBLIC = Symbol('public');

/** The one rule that decides this endpoint. An endpoint without one is refused to everyone. */
export const Policy = (policy: AccessPolicy) => SetMetadata(POLICY, policy);

/** Open without a token (health checks only). */
export const Public = () => SetMetadata(PUBLIC, true);
