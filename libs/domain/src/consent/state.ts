import type { IsoDate, IsoInstant } from '../shared';
import type { ChildStanding, CompetenceFramework, ConsentScope, RecordedGiver } from './events';

/**
 * One consent decision as the rules need it: plain data, so a read model can hold the same
 * rows and answer coverage with the same function (see consent_scopes).
 */
export interface ConsentDecision extends ChildStanding {
  readonly consentId: string;
  readonly kind: 'given' | 'refused';
  readonly giver: RecordedGiver;
  readonly scope: ConsentScope;
  /** startsOn of a consent, refusedOn of a refusal. */
  readonly effectiveOn: IsoDate;
  /** Consents only: the first day no longer covered. */
  readonly expiresOn?: IsoDate;
  readonly withdrawnAt?: IsoInstant;
  readonly withdrawnBy?: RecordedGiver;
  readonly expiryRecordedOn?: IsoDate;
  /** Order in the stream: a later decision supersedes an earlier one. */
  readonly sequence: number;
}

export interface CompetenceRecord {
  readonly assessmentId: string;
  readonly assessedOn: IsoDate;
  readonly framework: CompetenceFramework;
  readonly outcome: 'competent' | 'not-competent';
  readonly childAge: number;
  readonly sequence: number;
}

export interface ConsentState {
  readonly decisions: readonly ConsentDecision[];
  readonly assessments: readonly CompetenceRecord[];
  readonly eventCount: number;
}

export const emptyConsentState: ConsentState = { decisions: [], assessments: [], eventCount: 0 };

export const findDecision = (state: ConsentState, consentId: string): ConsentDecision | undefined =>
  state.decisions.find((d) => d.consentId === consentId);
