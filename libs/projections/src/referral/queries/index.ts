export * from './referrals-awaiting-triage';
export * from './pupil-register';
export * from './caseloads';
export * from './action-plans';
export * from './reviews-due';
export * from './endings-and-follow-ups';
export * from './outcomes';
export type { ChildOnList, CasePhase } from './child-columns';
export * from './case-record';
