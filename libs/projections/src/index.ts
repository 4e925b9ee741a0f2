export * from './projection';
export * from './runtime/projection-runner';
export * from './runtime/progress-bar';
export { checkpoints } from './runtime/checkpoint-store';
export { CafCase } from './caf/caf-case.entity';
export type { FamilyCopy } from './caf/family-copy';
export { cafContributions, cafsLedBy, familyCopy, leadProfessionalView } from './caf/queries';
export { platformProjections } from './catalogue';
export { ChildRecord } from './children/child-record.entity';
export { childRecordsProjection } from './children/child-records.projection';
export { concern, concernAsReferred, concernsOfSchool, referralsToSocialCare } from './concern/queries';
export {
  consentCoverageFor,
  consentCoverageForEach,
  consentDecisionsOf,
  consentScopesOf,
  consentsAwaitingExpiry,
} from './consent/queries';
export { projectionEntities } from './entities';
export { FAMILY_VIEW } from './family/family-view-disclosed';
export { childrenLinkedTo, competenceOf, familyCopiesOfChild, linksOfChild, liveLinkOf } from './family/queries';
export type { ConflictEntry, MastAgendaItem } from './mast/mast-agenda-item.entity';
export type { AttendanceEntry, MastPanelRow } from './mast/mast-panel-row.entity';
export {
  keyWorkerCaseload,
  keyWorkerCaseloads,
  mastDeadlines,
  mastRequest,
  mastRequestsOf,
  panelAgenda,
  panelDecisionLog,
  requestDecisions,
  requestsAwaitingPanel,
} from './mast/queries';
export type { DeadlineState } from './mast/queries';
export { projectionMigrations } from './migrations';
export { keyFits } from './paging';
export type { KeysetList, Page, PageKey, PageRequest } from './paging';
export type { MentorCase } from './referral/mentor-case.entity';
export {
  ONE_TO_ONE_CASELOAD_LIMIT,
  PUPIL_REGISTER,
  REFERRALS_AWAITING_TRIAGE,
  actionPlans,
  caseOutcomes,
  endingsAndFollowUpsDue,
  mentorCaseRecord,
  mentorCaseload,
  mentorCaseloads,
  pupilRegisterPage,
  referralsAwaitingTriagePage,
  reviewsDue,
  schoolOutcomes,
} from './referral/queries';
export {
  REVIEW_STATUSES,
  erasedChildren,
  knownInRetention,
  retentionReviewOf,
  retentionReviews,
} from './retention/queries';
export type { ReviewStatus } from './retention/queries';
export { recordsHeld } from './retention/records-held';
export type { RecordHeld } from './retention/records-held';
export { projectionLag } from './runtime/projection-lag';
export { ProjectorShare } from './runtime/projector-share';
export { rebuildProjections } from './runtime/rebuild-all';
export { projectionUnits, segmentsMismatch } from './runtime/segments';
export {
  childProtectionRecords,
  childProtectionTransfers,
  receivedInChildProtectionFile,
  schoolMove,
} from './school-move/queries';
export {
  allDisclosures,
  correctionNoticesTo,
  decisionsOfChild,
  disclosuresOfChild,
  disclosuresToAgency,
  disclosuresWithoutConsent,
  erasureNoticesTo,
  receivedInformation,
  recipientsOfChild,
  sharingAwaitingApproval,
  sharingDecision,
  sharingsThatDisclosed,
} from './sharing/queries';
export { subjectAccessQueue, subjectAccessRequest } from './subject-access/queries';
export type { QueuedRequest } from './subject-access/queries';
export { SUBJECT_ACCESS_REQUESTER } from './subject-access/response-disclosed';
