import type { IsoDate, IsoInstant } from '../shared';
import type {
  CompetenceFramework,
  ConsentEvidence,
  ConsentGiver,
  ConsentScope,
  CriterionFinding,
  InformedOf,
} from './events';

/**
 * Every command that depends on the child's age carries the date of birth, read by the
 * caller from the child record: this aggregate never reaches into another stream.
 */
interface AboutTheChild {
  readonly childId: string;
  readonly childDateOfBirth: IsoDate;
}

export interface GiveConsent extends AboutTheChild {
  readonly type: 'GiveConsent';
  readonly consentId: string;
  readonly giver: ConsentGiver;
  readonly informed: InformedOf;
  readonly scope: ConsentScope;
  readonly evidence: ConsentEvidence;
  readonly startsOn: IsoDate;
  readonly expiresOn: IsoDate;
}

export interface RefuseConsent extends AboutTheChild {
  readonly type: 'RefuseConsent';
  readonly consentId: string;
  readonly giver: ConsentGiver;
  readonly informed: InformedOf;
  readonly scope: ConsentScope;
  readonly evidence: ConsentEvidence;
  readonly refusedOn: IsoDate;
  readonly reason?: string;
}

export interface WithdrawConsent extends AboutTheChild {
  readonly type: 'WithdrawConsent';
  readonly consentId: string;
  readonly withdrawnBy: ConsentGiver;
  readonly withdrawnAt: IsoInstant;
  readonly evidence: ConsentEvidence;
  readonly reason?: string;
}

/** Recorded by the platform (or a person) once the expiry day has come. */
export interface RecordConsentExpiry {
  readonly type: 'RecordConsentExpiry';
  readonly childId: string;
  readonly consentId: string;
  readonly today: IsoDate;
}

export interface AssessCompetence extends AboutTheChild {
  readonly type: 'AssessCompetence';
  readonly assessmentId: string;
  readonly assessedBy: { readonly userId: string; readonly role: string };
  readonly assessedOn: IsoDate;
  readonly framework: CompetenceFramework;
  readonly decisionAbout: string;
  readonly criteria: readonly CriterionFinding[];
  readonly outcome: 'competent' | 'not-competent';
}

export type ConsentCommand = GiveConsent | RefuseConsent | WithdrawConsent | RecordConsentExpiry | AssessCompetence;
