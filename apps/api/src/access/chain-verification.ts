import type { AccessLog, ChainVerification } from '@app/access';
import type { ChainAnchors } from '@app/access';

/**
 * The chain recomputed and held against every anchor; a forged anchor fails it before any
 * entry is checked (ADR 013). The API's `GET /audit/verify` and the dpo's page both ask this.
 */
export async function verifyChain(accessLog: AccessLog, anchors: ChainAnchors): Promise<ChainVerification> {
  const all = await anchors.all();
  const forged = await anchors.firstForged(all);
  if (forged) {
    const problem = `anchor ${forged.anchorId} is not signed by the platform's anchor key ${anchors.publicKey.keyId}`;
    return {
      intact: false,
      entriesChecked: 0,
      anchorsChecked: all.length,
      firstBrokenLink: { seq: forged.seq, problem, contradictsAnchor: forged },
    };
  }
  return accessLog.verify(all);
}
