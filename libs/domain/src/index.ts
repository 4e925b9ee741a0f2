export * from './shared';
export * from './catalogue';
export * as child from './child';
export * as consent from './consent';
export * as referral from './referral';
export * as mastRequest from './mast-request';
export * as mastPanel from './mast-panel';
export * as caf from './caf';
export * as socialCareCase from './social-care-case';
export * as sharing from './sharing';
export * as concern from './concern';
export * as subjectAccess from './subject-access';
export * as family from './family';
export { CAF_CONSENT_CATEGORIES } from './caf/commands';
export type { CafCommand } from './caf/commands';
export { CAF_ACT_DAYS, cafDecider } from './caf/decider';
export { cafStream } from './caf/events';
export type { CafEvent, NamedPractitioner } from './caf/events';
export { CAF_ELEMENT_CATEGORIES, FINISHED_ACTION_STATUSES } from './caf/vocabulary';
export type { CafElement } from './caf/vocabulary';
export { childDecider } from './child';
export type { ChildCommand, RegisterChild } from './child';
export { CHILD_FLAGS, childStream } from './child/events';
export type { ChildDetails, ChildFlag } from './child/events';
export { clockStatus, clocksAfter } from './concern/clocks';
export type { ConcernCommand } from './concern/commands';
export { concernDecider } from './concern/decider';
export { DSL_OUTCOMES, REFERRAL_URGENCIES, SOCIAL_CARE_DECISIONS, concernStream } from './concern/events';
export type {
  ConcernClock,
  ConcernEvent,
  ConcernReferredToSocialCare,
  MentorReport,
  ReferralDetails,
} from './concern/events';
export { mentorReportFrom } from './concern/mentor-report';
export type { MentorAccount } from './concern/mentor-report';
export type { ClockState } from './concern/state';
export {
  ADULT_FROM,
  consentCoverage,
  consentDecider,
  decidesForThemselves,
  emptyConsentState,
  standingOn,
} from './consent';
export type {
  ConsentCommand,
  ConsentDecision,
  ConsentEvent,
  ConsentScope,
  CoverageAnswer,
  CoverageQuestion,
  GiveConsent,
} from './consent';
export { PARENT_RELATIONSHIPS, consentStream } from './consent/events';
export type {
  CompetenceAssessed,
  ConsentEvidence,
  ConsentGiver,
  ConsentRecipient,
  CriterionFinding,
  InformedOf,
  ParentRelationship,
} from './consent/events';
export type { CompetenceRecord } from './consent/state';
export { errorCatalogues } from './errors';
export { familyDecider } from './family/decider';
export { EVIDENCE_CHECKS, FAMILY_MEMBER_KINDS, familyStream, familyViewStream } from './family/events';
export type {
  FamilyEvent,
  FamilyMemberKind,
  FamilyRecordShown,
  FamilyView,
  RelationshipEvidence,
  ShownItem,
} from './family/events';
export { categoriesWithheldFromParents } from './family/parents-view';
export { familyRecordShown } from './family/shown';
export { agendaCutOff } from './mast-panel/agenda-cut-off';
export type { MastPanelCommand } from './mast-panel/commands';
export { decideAtPanel } from './mast-panel/decide-at-panel';
export { mastPanelDecider, participantsFor } from './mast-panel/decider';
export { mastPanelStream } from './mast-panel/events';
export type { AgendaCandidate, MastPanelEvent, QuorumPolicy } from './mast-panel/events';
export { MAST_REQUEST_CATEGORIES } from './mast-request/commands';
export type { MastRequestCommand } from './mast-request/commands';
export { mastRequestDecider } from './mast-request/decider';
export { mastRequestStream } from './mast-request/events';
export type { LevelOfNeed, MastDecision, MastRequestEvent } from './mast-request/events';
export { consentQuestions, coveredByConsent, practitionerOf, weekdayOf } from './multi-agency';
export type { ConsentCoverage, WorkingDayCalendar } from './multi-agency';
export { fixtureCalendar } from './multi-agency/calendar.fixture';
export { bankHolidayCalendar } from './multi-agency/working-days';
export { ConsentMissing, consentNeededForMentoring, referralDecider } from './referral';
export type { ReferralCommand, ReferralEvent } from './referral';
export { referralStream } from './referral/events';
export {
  ATTAINMENT_AGAINST_TARGET,
  BAE_CATEGORIES,
  CLOSURE_REASONS,
  FADING_STEPS,
  FOLLOW_UP_OUTCOMES,
  INTERVENTION_LENGTHS,
  LEVELS_OF_NEED,
  NOTE_SOURCES,
  PASTORAL_RISK_FACTORS,
  PRIORITIES,
  REVIEW_OUTCOMES,
  SESSION_KINDS,
  TARGET_PROGRESS,
  TRIAGE_OUTCOMES,
  WORK_MODES,
} from './referral/vocabulary';
export type { RetentionCommand } from './retention/commands';
export { retentionDecider } from './retention/decider';
export { retentionStream } from './retention/events';
export type { ErasureNoticeIssued, RetainedRecord, RetentionEvent } from './retention/events';
export { reviewClockState, reviewDecideBy } from './retention/review-clock';
export { checkSchedule, endOfPeriod } from './retention/schedule';
export type { RetentionSchedule } from './retention/schedule';
export { ERASURE_EXEMPTIONS, ERASURE_GROUNDS, ERASURE_OUTCOMES, ERASURE_REQUESTERS } from './retention/vocabulary';
export type {
  ErasureExemption,
  ErasureGround,
  ErasureOutcome,
  ErasureRequester,
  RecordClass,
} from './retention/vocabulary';
export { schoolCalendars } from './school-calendar';
export type { SchoolCalendars, SchoolDates, SchoolDatesBySchool } from './school-calendar';
export { inBreach, transferClockState } from './school-move/clocks';
export type { SchoolMoveCommand } from './school-move/commands';
export { schoolMoveDecider } from './school-move/decider';
export type { ChildProtectionFileSent, SchoolMoveEvent } from './school-move/events';
export { addDays, endOfWeek, isIsoDate } from './shared/calendar';
export type { IsoDate } from './shared/calendar';
export { HTTP_STATUS_OF_KIND } from './shared/errors-catalogue';
export type { EventCatalogue } from './shared/event-schema';
export { malformedText } from './shared/payload-shape';
export { NAMED_AGENCIES, isSchoolId } from './shared/vocabulary';
export type { ConsentPurpose } from './shared/vocabulary';
export type { SharingCommand } from './sharing/commands';
export { sharingDecider } from './sharing/decider';
export { sharingStream } from './sharing/events';
export type { DisclosedContent, SharedItem, SharingEvent } from './sharing/events';
export { categoriesOfFields, fieldsOf, isDisclosableRecord, recordKindOf } from './sharing/field-catalogue';
export type { DisclosableRecord } from './sharing/field-catalogue';
export { categoriesToAsk } from './sharing/items';
export {
  BOX_16_CHECKLIST,
  CHECKLIST_ANSWERS,
  DISCLOSURE_CHANNELS,
  GOLDEN_RULES,
  SHARING_OUTCOMES,
  WITHOUT_CONSENT_GROUNDS,
} from './sharing/vocabulary';
export type { ChecklistItem, WithoutConsentGround } from './sharing/vocabulary';
export { withholding } from './sharing/withholding';
export type { Withholding } from './sharing/withholding';
export { socialCareCaseDecider, socialCareCaseStream } from './social-care-case';
export type { SocialCareCaseCommand } from './social-care-case';
export { requestStatus } from './subject-access/clocks';
export type { RequestStatus } from './subject-access/clocks';
export type { SubjectAccessCommand } from './subject-access/commands';
export { subjectAccessDecider } from './subject-access/decider';
export { subjectAccessStream } from './subject-access/events';
export type {
  ExemptionApplied,
  PackItem,
  SentPack,
  SubjectAccessEvent,
  SubjectAccessResponseReleased,
} from './subject-access/events';
export {
  IDENTITY_CHECKS,
  MAX_EXTENSION_MONTHS,
  REQUESTER_RELATIONSHIPS,
  REQUEST_KINDS,
} from './subject-access/vocabulary';
export type { PackSection } from './subject-access/vocabulary';
