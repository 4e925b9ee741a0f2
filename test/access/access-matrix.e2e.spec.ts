import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { demoUsers } from '@app/access';
import { ROLES } from '@app/access';
import { POLICY, PUBLIC } from '../../apps/api/src/access/policy.decorator';
import { parentalConsent } from '../support/consent-fixtures';
import { pageSession } from '../support/page-session';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

type Call = (
  platform: PlatformUnderTest,
  token: string,
  fixture: Fixture,
  userId: string,
) => PromiseLike<request.Response>;
interface Fixture {
  childId: string;
  referralId: string;
  mastRequestId: string;
  /** Read only: its team stays the school that started it. */
  cafId: string;
  /** Contributed to by the matrix. */
  workedCafId: string;
  sharingId: string;
  concernId: string;
  /** A second child, moved from Oakfield to Riverside with a child-protection file. */
  moveId: string;
  subjectAccessRequestId: string;
  /** A concern the DSL referred to social care: its pages are social care's too. */
  referredConcernId: string;
  serial: number;
}
interface Row {
  readonly call: Call;
  /** The users (one per role, plus staff of another school) the policy must let through. */
  readonly allowed: readonly string[];
  /** What an allowed user may be answered, when not the usual (a page's form refused by the API's 400 is past the policy). */
  readonly answers?: readonly number[];
}

const oakfieldStaff = ['mentor.oakfield', 'senco.oakfield', 'dsl.oakfield', 'head.oakfield'];
/** With the teacher and teaching assistant, who read the child, refer and raise concerns, and nothing more. */
const allOakfieldStaff = [...oakfieldStaff, 'teacher.oakfield', 'ta.oakfield'];
/** The school's DSL and head teacher: its safeguarding work lists. */
const safeguardingLeads = ['dsl.oakfield', 'head.oakfield'];
const mastTeam = ['mast.coordinator', 'panel.health'];
const agencyPractitioners = ['keyworker.mast', 'social.worker', 'practitioner.health', 'lead.professional'];
const post =
  (path: (f: Fixture) => string, body: (f: Fixture) => object = () => ({})): Call =>
  (p, token, f) =>
    auth(request(p.http).post(path(f)), token).send(body(f));
const multiAgencyConsent = {
  ...parentalConsent,
  scope: {
    purposes: ['mast-involvement', 'common-assessment'],
    recipients: ['mast', 'school-oakfield'],
    categories: ['education', 'attendance', 'health', 'family-circumstances'],
  },
};
/** parent.demo is linked to the matrix's child; young.person, linked to none, is refused every child's record. */
const familyAccounts = ['parent.demo', 'young.person'];
const representatives = [
  ...new Set([...ROLES.map((role) => demoUsers.find((u) => u.role === role)!.userId), 'senco.riverside']),
];
const parentLink = {
  userId: 'parent.demo',
  kind: 'parent-carer',
  relationship: 'mother',
  evidence: {
    checked: ['parental-responsibility', 'admission-form'],
    documentRef: 'admission-form-matrix',
    checkedOn: '2026-11-30',
  },
  linkedOn: '2026-11-30',
};
const auth = (t: request.Test, token: string) => t.set('Authorization', `Bearer ${token}`);
const get =
  (path: (f: Fixture) => string): Call =>
  (p, token, f) =>
    auth(request(p.http).get(path(f)), token);
/** A web page (ADR 018): the same policy, reached by a session signed in as the user, never a token. */
const page =
  (path: (f: Fixture) => string): Call =>
  async (p, _token, f, userId) =>
    (await pageSession(p, userId)).agent.get(path(f));
const pageForm =
  (path: (f: Fixture) => string, body: (f: Fixture) => object = () => ({})): Call =>
  async (p, _token, f, userId) => {
    const session = await pageSession(p, userId);
    return session.agent
      .post(path(f))
      .type('form')
      .send({ ...body(f), _csrf: session.csrf });
  };
const everyone = representatives;

/**
 * Every endpoint against every role. A route missing from this table, or without a
 * policy, fails the suite: nothing is reachable by accident.
 */
const matrix: Record<string, Row> = {
  'POST /children': {
    call: (p, token) =>
      auth(request(p.http).post('/children'), token).send({
        givenName: 'Maya',
        familyName: 'Cole',
        dateOfBirth: '2015-01-20',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      }),
    allowed: oakfieldStaff,
  },
  'GET /children/:childId': { call: get((f) => `/children/${f.childId}`), allowed: allOakfieldStaff },
  'PATCH /children/:childId': {
    call: (p, token, f) =>
      auth(request(p.http).patch(`/children/${f.childId}`), token).send({
        yearGroup: ((f.serial += 1) % 14) + 1,
        reason: 'matrix check',
      }),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'PUT /children/:childId/restriction': {
    // Names every school-of-record user, so restricting never hides the record from the rest of the matrix.
    call: (p, token, f) =>
      auth(request(p.http).put(`/children/${f.childId}/restriction`), token).send({
        reason: 'matrix check restriction',
        namedUsers: oakfieldStaff,
      }),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  // Before the lift below: a page's restriction names every school-of-record user, so it hides the record from no one the rest of the matrix expects.
  'POST /app/children/:childId/restriction': {
    call: pageForm(
      (f) => `/app/children/${f.childId}/restriction`,
      () => ({ reason: 'matrix check restriction page', namedUsers: allOakfieldStaff }),
    ),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'DELETE /children/:childId/restriction': {
    call: (p, token, f) => auth(request(p.http).delete(`/children/${f.childId}/restriction`), token),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'POST /children/:childId/break-glass': {
    call: (p, token, f) =>
      auth(request(p.http).post(`/children/${f.childId}/break-glass`), token).send({
        reason: 'matrix check of break-glass',
      }),
    allowed: allOakfieldStaff,
  },
  'GET /audit/break-glass': { call: get(() => '/audit/break-glass'), allowed: ['dpo'] },
  'POST /audit/break-glass/:id/review': {
    call: (p, token) =>
      auth(request(p.http).post('/audit/break-glass/1/review'), token).send({ note: 'reviewed in the matrix' }),
    allowed: ['dpo'],
  },
  'GET /integration/outbox': { call: get(() => '/integration/outbox?state=pending'), allowed: ['admin', 'dpo'] },
  'POST /children/:childId/consents': {
    call: (p, token, f) => auth(request(p.http).post(`/children/${f.childId}/consents`), token).send(parentalConsent),
    allowed: oakfieldStaff,
  },
  'POST /children/:childId/consents/:consentId/withdrawal': {
    // An unknown consent: allowed callers reach the domain, which answers 409.
    call: (p, token, f) =>
      auth(
        request(p.http).post(`/children/${f.childId}/consents/6f9619ff-8b86-4d11-b42d-00c04fc964ff/withdrawal`),
        token,
      ).send({
        withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
        evidence: { form: 'verbal', witnessedBy: 'dsl.oakfield' },
      }),
    allowed: oakfieldStaff,
  },
  'GET /children/:childId/consents': { call: get((f) => `/children/${f.childId}/consents`), allowed: oakfieldStaff },
  'GET /children/:childId/consent-coverage': {
    call: get(
      (f) =>
        `/children/${f.childId}/consent-coverage?purpose=learning-mentor-support&agencyId=school-oakfield&category=education`,
    ),
    allowed: oakfieldStaff,
  },
  'POST /children/:childId/competence-assessments': {
    call: (p, token, f) =>
      auth(request(p.http).post(`/children/${f.childId}/competence-assessments`), token).send({
        framework: 'gillick',
        decisionAbout: 'Whether my mentor tells my parents what we talk about',
        criteria: [
          'understands-what-is-proposed',
          'understands-the-consequences',
          'can-weigh-up-and-decide',
          'decides-free-of-pressure',
        ].map((criterion) => ({ criterion, met: true })),
        outcome: 'competent',
        assessedOn: '2026-10-05',
      }),
    allowed: oakfieldStaff,
  },
  'POST /referrals': {
    call: (p, token, f) =>
      auth(request(p.http).post('/referrals'), token).send({
        childId: f.childId,
        schoolId: 'school-oakfield',
        referredOn: '2026-09-14',
        source: 'teacher',
        referrer: { role: 'class-teacher', userId: 'teacher.oakfield' },
        reasons: ['low-confidence-and-self-esteem'],
      }),
    allowed: allOakfieldStaff,
  },
  // Out of order on purpose (no triage yet): allowed callers reach the domain and get its 409.
  'POST /referrals/:referralId/:step': {
    call: (p, token, f) =>
      auth(request(p.http).post(`/referrals/${f.referralId}/mentoring-agreement`), token).send({
        signedOn: '2026-09-20',
        signedByChild: true,
        signedByMentor: true,
        confidentialityExplained: true,
      }),
    allowed: oakfieldStaff,
  },
  'GET /referrals/:referralId': { call: get((f) => `/referrals/${f.referralId}`), allowed: oakfieldStaff },
  'GET /schools/:schoolId/referrals-awaiting-triage': {
    call: get(() => '/schools/school-oakfield/referrals-awaiting-triage'),
    allowed: oakfieldStaff,
  },
  'GET /schools/:schoolId/pupil-register': {
    call: get(() => '/schools/school-oakfield/pupil-register'),
    allowed: oakfieldStaff,
  },
  'GET /schools/:schoolId/caseloads': { call: get(() => '/schools/school-oakfield/caseloads'), allowed: oakfieldStaff },
  'GET /schools/:schoolId/action-plans': {
    call: get(() => '/schools/school-oakfield/action-plans'),
    allowed: oakfieldStaff,
  },
  'GET /schools/:schoolId/reviews-due': {
    call: get(() => '/schools/school-oakfield/reviews-due'),
    allowed: oakfieldStaff,
  },
  'GET /schools/:schoolId/endings-and-follow-ups': {
    call: get(() => '/schools/school-oakfield/endings-and-follow-ups'),
    allowed: oakfieldStaff,
  },
  'GET /schools/:schoolId/outcomes': { call: get(() => '/schools/school-oakfield/outcomes'), allowed: oakfieldStaff },
  'GET /audit/verify': { call: get(() => '/audit/verify'), allowed: ['dpo', 'admin'] },
  'GET /audit/anchors': { call: get(() => '/audit/anchors'), allowed: ['dpo', 'admin'] },
  'POST /audit/anchors': { call: post(() => '/audit/anchors'), allowed: ['dpo', 'admin'] },
  'GET /audit/security-log': { call: get(() => '/audit/security-log'), allowed: ['dpo', 'admin'] },
  'GET /audit/children/:childId/access-history': {
    call: get((f) => `/audit/children/${f.childId}/access-history`),
    allowed: ['dpo'],
  },
  'GET /audit/users/:userId/access-history': {
    call: get(() => '/audit/users/senco.oakfield/access-history'),
    allowed: ['dpo'],
  },
  'GET /audit/me/access-history': {
    call: get(() => '/audit/me/access-history'),
    allowed: representatives.filter((u) => !familyAccounts.includes(u)),
  },
  'GET /agencies': { call: get(() => '/agencies'), allowed: ['admin', 'dpo', 'mast.coordinator'] },
  'POST /agencies': {
    call: (p, token, f) =>
      auth(request(p.http).post('/agencies'), token).send({
        agencyId: `matrix-agency-${(f.serial += 1)}`,
        name: 'Matrix agency',
        kind: 'voluntary-sector',
      }),
    allowed: ['admin'],
  },
  'GET /users': { call: get(() => '/users'), allowed: ['admin', 'dpo', 'mast.coordinator'] },
  'POST /users': {
    call: (p, token, f) =>
      auth(request(p.http).post('/users'), token).send({
        userId: `matrix.user-${(f.serial += 1)}`,
        displayName: 'Matrix user',
        role: 'practitioner',
        agencyId: 'health',
      }),
    allowed: ['admin'],
  },
  'PATCH /users/:userId': {
    call: (p, token) => auth(request(p.http).patch('/users/panel.ews'), token).send({ active: true }),
    allowed: ['admin'],
  },
  'POST /mast-requests': {
    call: post(
      () => '/mast-requests',
      (f) => ({
        childId: f.childId,
        parentsInvolved: [{ name: 'Jo Smith', relationship: 'mother' }],
        needs: 'Matrix needs',
        alreadyTried: 'Matrix tried',
        levelOfNeed: 2,
      }),
    ),
    allowed: ['senco.oakfield'],
  },
  // No response is owed yet: the co-ordinator reaches the domain and gets its 409.
  'POST /mast-requests/:requestId/:step': {
    call: post(
      (f) => `/mast-requests/${f.mastRequestId}/response-sent`,
      () => ({ sentOn: '2026-01-02' }),
    ),
    allowed: ['mast.coordinator'],
  },
  // Not yet listed for a panel: the panel's members have no part in it yet.
  'GET /mast-requests/:requestId': {
    call: get((f) => `/mast-requests/${f.mastRequestId}`),
    allowed: ['mast.coordinator', 'senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'POST /mast-panels': {
    call: post(
      () => '/mast-panels',
      () => ({ panelDate: '2026-12-09' }),
    ),
    allowed: ['mast.coordinator'],
  },
  'POST /mast-panels/:panelDate/decisions': {
    call: post(
      () => '/mast-panels/2026-12-09/decisions',
      (f) => ({
        requestId: f.mastRequestId,
        decision: { outcome: 'signpost', signpostTo: 'Early help hub' },
        reason: 'Matrix',
      }),
    ),
    allowed: ['mast.coordinator'],
  },
  'POST /mast-panels/:panelDate/conflicts': {
    call: post(
      () => '/mast-panels/2026-12-09/conflicts',
      (f) => ({ requestId: f.mastRequestId, memberId: 'panel.health', nature: 'Matrix' }),
    ),
    allowed: ['mast.coordinator'],
  },
  'POST /mast-panels/:panelDate/:step': {
    call: post(
      () => '/mast-panels/2026-12-16/minutes',
      () => ({ minutes: 'Matrix minutes' }),
    ),
    allowed: ['mast.coordinator'],
  },
  'GET /mast-panels/:panelDate': { call: get(() => '/mast-panels/2026-12-09'), allowed: mastTeam },
  'GET /mast/decision-log': { call: get(() => '/mast/decision-log'), allowed: mastTeam },
  'GET /mast/deadlines': { call: get(() => '/mast/deadlines'), allowed: mastTeam },
  'GET /mast/caseloads': { call: get(() => '/mast/caseloads'), allowed: ['mast.coordinator'] },
  'GET /mast/caseloads/:workerId': {
    call: get(() => '/mast/caseloads/keyworker.mast'),
    allowed: ['mast.coordinator', 'keyworker.mast'],
  },
  'POST /cafs': {
    call: post(
      () => '/cafs',
      (f) => ({ childId: f.childId, startedOn: '2026-09-20', reasonForAssessment: 'Matrix' }),
    ),
    allowed: oakfieldStaff,
  },
  'POST /cafs/:cafId/:step': {
    call: post(
      (f) => `/cafs/${f.workedCafId}/contributions`,
      () => ({
        domain: 'development-of-the-child',
        element: 'learning',
        text: 'Matrix contribution',
        recordedOn: '2026-09-21',
      }),
    ),
    allowed: [...oakfieldStaff, ...agencyPractitioners],
  },
  'GET /cafs/:cafId': { call: get((f) => `/cafs/${f.cafId}`), allowed: oakfieldStaff },
  'GET /cafs/:cafId/family-copy': { call: get((f) => `/cafs/${f.cafId}/family-copy`), allowed: oakfieldStaff },
  'POST /sharing': {
    call: post(
      () => '/sharing',
      (f) => ({
        childId: f.childId,
        origin: 'proactive',
        purpose: 'Matrix',
        recipient: { agencyId: 'health' },
        categories: ['identity'],
      }),
    ),
    allowed: oakfieldStaff,
  },
  'POST /sharing/:sharingId/:step': {
    call: post(
      (f) => `/sharing/${f.sharingId}/checklist`,
      () => ({ answers: [] }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /sharing/:sharingId': { call: get((f) => `/sharing/${f.sharingId}`), allowed: [...oakfieldStaff, 'dpo'] },
  'GET /agencies/:agencyId/received-information': {
    call: get(() => '/agencies/health/received-information'),
    allowed: ['practitioner.health', 'panel.health'],
  },
  'GET /agencies/:agencyId/correction-notices': {
    call: get(() => '/agencies/health/correction-notices'),
    allowed: ['practitioner.health', 'panel.health'],
  },
  'GET /disclosure-audit/children/:childId': {
    call: get((f) => `/disclosure-audit/children/${f.childId}`),
    allowed: ['dpo'],
  },
  'GET /disclosure-audit/children/:childId/subject-access': {
    call: get((f) => `/disclosure-audit/children/${f.childId}/subject-access`),
    allowed: ['dpo'],
  },
  'GET /disclosure-audit/agencies/:agencyId': {
    call: get(() => '/disclosure-audit/agencies/health'),
    allowed: ['dpo'],
  },
  'GET /disclosure-audit/without-consent': { call: get(() => '/disclosure-audit/without-consent'), allowed: ['dpo'] },
  'POST /concerns': {
    call: post(
      () => '/concerns',
      (f) => ({ childId: f.childId, seenOrHeard: 'Matrix concern' }),
    ),
    allowed: allOakfieldStaff,
  },
  // The policy lets the raiser and the head through; the domain then keeps the review to the DSL (403, logged like any refusal).
  'POST /concerns/:concernId/:step': {
    call: post(
      (f) => `/concerns/${f.concernId}/review`,
      () => ({ outcome: 'monitor', reasons: 'Matrix review', reviewedOn: '2026-12-01' }),
    ),
    allowed: ['dsl.oakfield'],
  },
  'GET /concerns/:concernId': {
    call: get((f) => `/concerns/${f.concernId}`),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'GET /social-care/referrals': { call: get(() => '/social-care/referrals'), allowed: ['social.worker'] },
  // A stale If-Match: past the policy the append is refused (409), so the matrix child stays at Oakfield.
  'POST /children/:childId/school-moves': {
    call: (p, token, f) =>
      auth(request(p.http).post(`/children/${f.childId}/school-moves`), token)
        .set('If-Match', '"999999"')
        .send({ toSchoolId: 'school-riverside', startsOn: '2026-12-01', reason: 'Matrix move' }),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'POST /school-moves/:moveId/:step': {
    call: post(
      (f) => `/school-moves/${f.moveId}/child-protection-file-sent`,
      () => ({ sentOn: '2026-12-01' }),
    ),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'GET /school-moves/:moveId': {
    call: get((f) => `/school-moves/${f.moveId}`),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'GET /school-moves/:moveId/child-protection-file': {
    call: get((f) => `/school-moves/${f.moveId}/child-protection-file`),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'GET /schools/:schoolId/child-protection-transfers': {
    call: get(() => '/schools/school-oakfield/child-protection-transfers'),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'POST /subject-access-requests': {
    call: post(
      () => '/subject-access-requests',
      (f) => ({
        childId: f.childId,
        kind: 'personal-data',
        requester: { name: 'Jo Smith', relationship: 'parent' },
        identityCheck: { method: 'photo-identity-seen', details: 'Matrix' },
        receivedOn: '2026-11-20',
      }),
    ),
    allowed: ['dpo'],
  },
  'POST /subject-access-requests/:requestId/:step': {
    call: post(
      (f) => `/subject-access-requests/${f.subjectAccessRequestId}/extension`,
      () => ({ months: 1, reason: 'Matrix', requesterToldOn: '2026-11-25' }),
    ),
    allowed: ['dpo'],
  },
  'GET /subject-access-requests': { call: get(() => '/subject-access-requests'), allowed: ['dpo'] },
  'GET /subject-access-requests/:requestId': {
    call: get((f) => `/subject-access-requests/${f.subjectAccessRequestId}`),
    allowed: ['dpo'],
  },
  // Not answered: the dpo reaches the handler and gets its 404.
  'GET /subject-access-requests/:requestId/response-pack': {
    call: get((f) => `/subject-access-requests/${f.subjectAccessRequestId}/response-pack`),
    allowed: ['dpo'],
  },
  // parent.demo is linked already: allowed callers reach the domain and get its 409.
  'POST /children/:childId/family-links': {
    call: post(
      (f) => `/children/${f.childId}/family-links`,
      () => parentLink,
    ),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  // An unknown link: allowed callers reach the domain, which answers 409.
  'POST /children/:childId/family-links/:linkId/unlinking': {
    call: post(
      (f) => `/children/${f.childId}/family-links/6f9619ff-8b86-4d11-b42d-00c04fc964ff/unlinking`,
      () => ({ reason: 'matrix check', unlinkedOn: '2026-11-30' }),
    ),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'GET /children/:childId/family-links': {
    call: get((f) => `/children/${f.childId}/family-links`),
    allowed: ['dsl.oakfield', 'head.oakfield'],
  },
  'GET /family/children': { call: get(() => '/family/children'), allowed: familyAccounts },
  'GET /family/children/:childId/cafs': {
    call: get((f) => `/family/children/${f.childId}/cafs`),
    allowed: ['parent.demo'],
  },
  'GET /family/children/:childId/consents': {
    call: get((f) => `/family/children/${f.childId}/consents`),
    allowed: ['parent.demo'],
  },
  'GET /family/children/:childId/shared': {
    call: get((f) => `/family/children/${f.childId}/shared`),
    allowed: ['parent.demo'],
  },
  // An unknown consent: the linked parent reaches the consent domain, which answers 409.
  'POST /family/children/:childId/consents/:consentId/withdrawal': {
    call: post((f) => `/family/children/${f.childId}/consents/6f9619ff-8b86-4d11-b42d-00c04fc964ff/withdrawal`),
    allowed: ['parent.demo'],
  },
  // Retention and erasure: the dpo alone. The matrix's child is not due (409) and an unknown hold or request is a 404.
  'GET /retention/reviews': { call: get(() => '/retention/reviews?status=due'), allowed: ['dpo'] },
  'GET /retention/children/:childId': { call: get((f) => `/retention/children/${f.childId}`), allowed: ['dpo'] },
  'POST /retention/children/:childId/disposal': {
    call: post((f) => `/retention/children/${f.childId}/disposal`),
    allowed: ['dpo'],
  },
  'POST /retention/children/:childId/keep': {
    call: post(
      (f) => `/retention/children/${f.childId}/keep`,
      () => ({ keepUntil: '2027-12-01', reason: 'Matrix keep' }),
    ),
    allowed: ['dpo'],
  },
  'POST /retention/children/:childId/legal-holds': {
    call: post(
      (f) => `/retention/children/${f.childId}/legal-holds`,
      () => ({ reason: 'Matrix hold' }),
    ),
    allowed: ['dpo'],
  },
  'POST /retention/children/:childId/legal-holds/:holdId/lifting': {
    call: post(
      (f) => `/retention/children/${f.childId}/legal-holds/${randomUUID()}/lifting`,
      () => ({ reason: 'Matrix lifting' }),
    ),
    allowed: ['dpo'],
  },
  'POST /retention/children/:childId/erasure-requests': {
    call: post(
      (f) => `/retention/children/${f.childId}/erasure-requests`,
      () => ({ requesterKind: 'parent-carer', requesterName: 'Matrix Parent', receivedOn: '2026-12-01' }),
    ),
    allowed: ['dpo'],
  },
  'POST /retention/children/:childId/erasure-requests/:requestId/decision': {
    call: post(
      (f) => `/retention/children/${f.childId}/erasure-requests/${randomUUID()}/decision`,
      () => ({ outcome: 'refused', exemption: 'legal-claims', reasons: 'Matrix decision' }),
    ),
    allowed: ['dpo'],
  },
  'GET /agencies/:agencyId/erasure-notices': {
    call: get(() => '/agencies/health/erasure-notices'),
    allowed: ['practitioner.health', 'panel.health'],
  },
  'GET /app': { call: page(() => '/app'), allowed: everyone },
  'POST /app/sign-out': { call: pageForm(() => '/app/sign-out'), allowed: everyone },
  'POST /app/session/extend': {
    call: pageForm(
      () => '/app/session/extend',
      () => ({ returnTo: '/app' }),
    ),
    allowed: everyone,
  },
  'GET /app/schools/:schoolId/triage': {
    call: page(() => '/app/schools/school-oakfield/triage'),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/caseloads': {
    call: page(() => '/app/schools/school-oakfield/caseloads'),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/caseloads/:mentorId': {
    call: page(() => '/app/schools/school-oakfield/caseloads/mentor.oakfield'),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/reviews': {
    call: page(() => '/app/schools/school-oakfield/reviews'),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/endings': {
    call: page(() => '/app/schools/school-oakfield/endings'),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/outcomes': {
    call: page(() => '/app/schools/school-oakfield/outcomes'),
    allowed: oakfieldStaff,
  },
  'GET /app/referrals/:referralId': { call: page((f) => `/app/referrals/${f.referralId}`), allowed: oakfieldStaff },
  'GET /app/referrals/:referralId/:step': {
    call: page((f) => `/app/referrals/${f.referralId}/triage`),
    allowed: ['senco.oakfield', 'head.oakfield'],
  },
  // A session on a referral still awaiting triage: past the policy, the domain answers 409.
  'POST /app/referrals/:referralId/:step': {
    call: pageForm(
      (f) => `/app/referrals/${f.referralId}/sessions`,
      () => ({
        'heldOn-day': '1',
        'heldOn-month': '12',
        'heldOn-year': '2026',
        kind: 'one-to-one',
        attended: 'yes',
        noteText: 'Matrix',
        noteSource: 'first-hand',
      }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/children/:childId/consents': {
    call: page((f) => `/app/children/${f.childId}/consents`),
    allowed: oakfieldStaff,
  },
  // No decision: the API's 400 renders the form again; recording a real consent here would change the other rows' coverage.
  'POST /app/children/:childId/consents': {
    call: pageForm((f) => `/app/children/${f.childId}/consents`),
    allowed: oakfieldStaff,
    answers: [400],
  },
  // The DSL's pages and lawful sharing: each page behind its API twin's policy.
  'GET /schools/:schoolId/concerns': {
    call: get(() => '/schools/school-oakfield/concerns'),
    allowed: safeguardingLeads,
  },
  'GET /schools/:schoolId/sharing-approvals': {
    call: get(() => '/schools/school-oakfield/sharing-approvals'),
    allowed: safeguardingLeads,
  },
  'GET /app/schools/:schoolId/concerns': {
    call: page(() => '/app/schools/school-oakfield/concerns'),
    allowed: safeguardingLeads,
  },
  'GET /app/schools/:schoolId/safeguarding-dashboard': {
    call: page(() => '/app/schools/school-oakfield/safeguarding-dashboard'),
    allowed: safeguardingLeads,
  },
  'GET /app/concerns/:concernId': {
    call: page((f) => `/app/concerns/${f.concernId}`),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'GET /app/concerns/:concernId/review': {
    call: page((f) => `/app/concerns/${f.concernId}/review`),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  // As the API's: the policy lets the raiser and the head through, the domain keeps the review to the DSL.
  'POST /app/concerns/:concernId/review': {
    call: pageForm(
      (f) => `/app/concerns/${f.concernId}/review`,
      () => ({ outcome: 'monitor', reasons: 'Matrix review', reviewedOn: '2026-12-01' }),
    ),
    allowed: ['dsl.oakfield'],
  },
  'GET /app/children/:childId': { call: page((f) => `/app/children/${f.childId}`), allowed: allOakfieldStaff },
  'GET /app/children/:childId/restriction': {
    call: page((f) => `/app/children/${f.childId}/restriction`),
    allowed: safeguardingLeads,
  },
  'GET /app/children/:childId/family-links': {
    call: page((f) => `/app/children/${f.childId}/family-links`),
    allowed: safeguardingLeads,
  },
  // parent.demo is linked already: past the policy, the domain answers 409, as for the API's route.
  'POST /app/children/:childId/family-links': {
    call: pageForm(
      (f) => `/app/children/${f.childId}/family-links`,
      () => ({
        userId: 'parent.demo',
        kind: 'parent-carer',
        relationship: 'mother',
        'evidence.checked': ['parental-responsibility'],
        'evidence.documentRef': 'admission-form-matrix-page',
        'evidence.checkedOn-day': '30',
        'evidence.checkedOn-month': '11',
        'evidence.checkedOn-year': '2026',
      }),
    ),
    allowed: safeguardingLeads,
  },
  // An unknown link: past the policy, the domain answers 409.
  'POST /app/children/:childId/family-links/:linkId/unlinking': {
    call: pageForm(
      (f) => `/app/children/${f.childId}/family-links/6f9619ff-8b86-4d11-b42d-00c04fc964ff/unlinking`,
      () => ({ reason: 'matrix check of the unlinking page' }),
    ),
    allowed: safeguardingLeads,
  },
  'GET /app/children/:childId/break-glass': {
    call: page((f) => `/app/children/${f.childId}/break-glass`),
    allowed: allOakfieldStaff,
  },
  // Not restricted (lifted above): past the policy, the handler answers 409.
  'POST /app/children/:childId/break-glass': {
    call: pageForm(
      (f) => `/app/children/${f.childId}/break-glass`,
      () => ({ reason: 'matrix check of the break-glass page' }),
    ),
    allowed: allOakfieldStaff,
  },
  'GET /app/children/:childId/sharing/new': {
    call: page((f) => `/app/children/${f.childId}/sharing/new`),
    allowed: allOakfieldStaff,
  },
  'POST /app/sharing': {
    call: pageForm(
      () => '/app/sharing',
      (f) => ({ childId: f.childId, purpose: 'Matrix page', 'recipient.agencyId': 'health', categories: 'identity' }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/sharing/:sharingId': {
    call: page((f) => `/app/sharing/${f.sharingId}`),
    allowed: [...oakfieldStaff, 'dpo'],
  },
  'GET /app/sharing/:sharingId/basis': {
    call: page((f) => `/app/sharing/${f.sharingId}/basis`),
    allowed: oakfieldStaff,
  },
  'POST /app/sharing/:sharingId/basis': {
    call: pageForm(
      (f) => `/app/sharing/${f.sharingId}/basis`,
      () => ({
        'basis.kind': 'without-consent',
        'basis.ground': 'statutory-function',
        'basis.justification': 'Matrix statutory request',
      }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/sharing/:sharingId/checklist': {
    call: page((f) => `/app/sharing/${f.sharingId}/checklist`),
    allowed: oakfieldStaff,
  },
  'POST /app/sharing/:sharingId/checklist': {
    call: pageForm(
      (f) => `/app/sharing/${f.sharingId}/checklist`,
      () => Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`answer-${i}`, 'yes'])),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/schools/:schoolId/sharing-approvals': {
    call: page(() => '/app/schools/school-oakfield/sharing-approvals'),
    allowed: safeguardingLeads,
  },
  'GET /app/sharing/:sharingId/approval': {
    call: page((f) => `/app/sharing/${f.sharingId}/approval`),
    allowed: oakfieldStaff,
  },
  // The policy lets the school team through; the domain keeps approval to a DSL or head teacher who did not propose it (the SENCo did).
  'POST /app/sharing/:sharingId/approval': {
    call: pageForm(
      (f) => `/app/sharing/${f.sharingId}/approval`,
      () => ({ discussion: 'Matrix approval' }),
    ),
    allowed: safeguardingLeads,
  },
  'GET /app/sharing/:sharingId/decision': {
    call: page((f) => `/app/sharing/${f.sharingId}/decision`),
    allowed: oakfieldStaff,
  },
  // The first decides (303), the rest find it decided (409).
  'POST /app/sharing/:sharingId/decision': {
    call: pageForm(
      (f) => `/app/sharing/${f.sharingId}/decision`,
      () => ({
        outcome: 'share-in-part',
        'fields-child-record': 'givenName',
        reasons: 'Matrix decision',
        'familyTold.informed': 'yes',
        'familyTold.how': 'Told at the matrix review',
        validUntil: '2030-12-31',
      }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/sharing/:sharingId/disclosure': {
    call: page((f) => `/app/sharing/${f.sharingId}/disclosure`),
    allowed: oakfieldStaff,
  },
  // A preview: decided by the domain, recorded by no one.
  'POST /app/sharing/:sharingId/disclosure': {
    call: pageForm(
      (f) => `/app/sharing/${f.sharingId}/disclosure`,
      (f) => ({ action: 'preview', [`fields-child-record:${f.childId}`]: 'givenName', channel: 'platform' }),
    ),
    allowed: oakfieldStaff,
  },
  // Social care, the lead professional and the dpo: each page its API twin's policy.
  'GET /app/social-care/referrals': { call: page(() => '/app/social-care/referrals'), allowed: ['social.worker'] },
  'GET /app/social-care/concerns/:concernId': {
    call: page((f) => `/app/social-care/concerns/${f.referredConcernId}`),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield', 'social.worker'],
  },
  'GET /app/social-care/concerns/:concernId/:step': {
    call: page((f) => `/app/social-care/concerns/${f.referredConcernId}/social-care-decision`),
    allowed: ['senco.oakfield', 'dsl.oakfield', 'head.oakfield', 'social.worker'],
  },
  // The policy lets the school's DSL, head and the raiser through; the domain keeps the decision to social care (403, logged).
  'POST /app/social-care/concerns/:concernId/:step': {
    call: pageForm(
      (f) => `/app/social-care/concerns/${f.referredConcernId}/social-care-decision`,
      () => ({ decision: 'no-further-action', reasons: 'Matrix decision', decidedOn: '2026-12-01' }),
    ),
    allowed: ['social.worker'],
  },
  'GET /app/agencies/:agencyId/received-information': {
    call: page(() => '/app/agencies/health/received-information'),
    allowed: ['practitioner.health', 'panel.health'],
  },
  'GET /app/cafs': { call: page(() => '/app/cafs'), allowed: agencyPractitioners },
  'GET /app/cafs/:cafId': { call: page((f) => `/app/cafs/${f.cafId}`), allowed: oakfieldStaff },
  'GET /app/cafs/:cafId/family-copy': { call: page((f) => `/app/cafs/${f.cafId}/family-copy`), allowed: oakfieldStaff },
  'GET /app/cafs/:cafId/:step': { call: page((f) => `/app/cafs/${f.cafId}/reviews`), allowed: oakfieldStaff },
  'POST /app/cafs/:cafId/:step': {
    call: pageForm(
      (f) => `/app/cafs/${f.cafId}/actions`,
      () => ({ action: 'Matrix action', ownerAgencyId: 'health', dueBy: '2027-01-08', agreedOn: '2026-12-01' }),
    ),
    allowed: oakfieldStaff,
  },
  'GET /app/dpo/access-history': { call: page(() => '/app/dpo/access-history'), allowed: ['dpo'] },
  'GET /app/dpo/access-history/children/:childId': {
    call: page((f) => `/app/dpo/access-history/children/${f.childId}`),
    allowed: ['dpo'],
  },
  'GET /app/dpo/access-history/users/:userId': {
    call: page(() => '/app/dpo/access-history/users/senco.oakfield?outcome=refused'),
    allowed: ['dpo'],
  },
  'GET /app/dpo/chain': { call: page(() => '/app/dpo/chain'), allowed: ['dpo', 'admin'] },
  'GET /app/dpo/security-log': { call: page(() => '/app/dpo/security-log'), allowed: ['dpo', 'admin'] },
  'GET /app/dpo/disclosures': { call: page(() => '/app/dpo/disclosures'), allowed: ['dpo'] },
  'GET /app/dpo/disclosures/children/:childId': {
    call: page((f) => `/app/dpo/disclosures/children/${f.childId}`),
    allowed: ['dpo'],
  },
  'GET /app/dpo/disclosures/agencies/:agencyId': {
    call: page(() => '/app/dpo/disclosures/agencies/health'),
    allowed: ['dpo'],
  },
  'GET /app/dpo/disclosures/without-consent': {
    call: page(() => '/app/dpo/disclosures/without-consent'),
    allowed: ['dpo'],
  },
  'GET /app/dpo/children/:childId/subject-access': {
    call: page((f) => `/app/dpo/children/${f.childId}/subject-access`),
    allowed: ['dpo'],
  },
  'GET /app/dpo/children/:childId/subject-access/pdf': {
    call: page((f) => `/app/dpo/children/${f.childId}/subject-access/pdf`),
    allowed: ['dpo'],
  },
  'GET /app/dpo/break-glass': { call: page(() => '/app/dpo/break-glass'), allowed: ['dpo'] },
  'POST /app/dpo/break-glass/:id/review': {
    call: pageForm(
      () => '/app/dpo/break-glass/1/review',
      () => ({ note: 'reviewed in the matrix' }),
    ),
    allowed: ['dpo'],
  },
  'GET /app/dpo/subject-access-requests': { call: page(() => '/app/dpo/subject-access-requests'), allowed: ['dpo'] },
  'GET /app/dpo/subject-access-requests/new': {
    call: page(() => '/app/dpo/subject-access-requests/new'),
    allowed: ['dpo'],
  },
  // Sent empty: the dpo reaches the API's body check, which names the missing fields.
  'POST /app/dpo/subject-access-requests/new': {
    call: pageForm(() => '/app/dpo/subject-access-requests/new'),
    allowed: ['dpo'],
    answers: [400],
  },
  'GET /app/dpo/subject-access-requests/:requestId': {
    call: page((f) => `/app/dpo/subject-access-requests/${f.subjectAccessRequestId}`),
    allowed: ['dpo'],
  },
  // Not answered: the dpo reaches the handler and gets its 404.
  'GET /app/dpo/subject-access-requests/:requestId/response-pack': {
    call: page((f) => `/app/dpo/subject-access-requests/${f.subjectAccessRequestId}/response-pack`),
    allowed: ['dpo'],
    answers: [404],
  },
  'GET /app/dpo/subject-access-requests/:requestId/:step': {
    call: page((f) => `/app/dpo/subject-access-requests/${f.subjectAccessRequestId}/response`),
    allowed: ['dpo'],
  },
  'POST /app/dpo/subject-access-requests/:requestId/:step': {
    call: pageForm((f) => `/app/dpo/subject-access-requests/${f.subjectAccessRequestId}/extension`),
    allowed: ['dpo'],
    answers: [400],
  },
  // The matrix's child is not due for review: 404 until the API's rows give it a history, then the handler's 409 or the form's 400.
  'GET /app/dpo/retention': { call: page(() => '/app/dpo/retention'), allowed: ['dpo'] },
  'GET /app/dpo/retention/children/:childId': {
    call: page((f) => `/app/dpo/retention/children/${f.childId}`),
    allowed: ['dpo'],
  },
  'GET /app/dpo/retention/children/:childId/:form': {
    call: page((f) => `/app/dpo/retention/children/${f.childId}/keep`),
    allowed: ['dpo'],
  },
  'POST /app/dpo/retention/children/:childId/disposal': {
    call: pageForm((f) => `/app/dpo/retention/children/${f.childId}/disposal`),
    allowed: ['dpo'],
    answers: [404, 409],
  },
  'POST /app/dpo/retention/children/:childId/keep': {
    call: pageForm((f) => `/app/dpo/retention/children/${f.childId}/keep`),
    allowed: ['dpo'],
    answers: [400, 404],
  },
  'POST /app/dpo/retention/children/:childId/legal-holds': {
    call: pageForm((f) => `/app/dpo/retention/children/${f.childId}/legal-holds`),
    allowed: ['dpo'],
    answers: [400, 404],
  },
  'POST /app/dpo/retention/children/:childId/legal-holds/:holdId/lifting': {
    call: pageForm((f) => `/app/dpo/retention/children/${f.childId}/legal-holds/${randomUUID()}/lifting`),
    allowed: ['dpo'],
    answers: [400, 404],
  },
  // The MAST pages, each behind its API twin's policy (the panel of 2026-12-09 is the one the rows above scheduled).
  'GET /app/mast/panels': { call: page(() => '/app/mast/panels'), allowed: mastTeam },
  'GET /app/mast/panels/:panelDate': { call: page(() => '/app/mast/panels/2026-12-09'), allowed: mastTeam },
  'GET /app/mast/panels/:panelDate/pack': { call: page(() => '/app/mast/panels/2026-12-09/pack'), allowed: mastTeam },
  'GET /app/mast/panels/:panelDate/requests/:requestId': {
    call: page((f) => `/app/mast/panels/2026-12-09/requests/${f.mastRequestId}`),
    allowed: ['mast.coordinator', 'senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
  'POST /app/mast/panels/:panelDate/decisions': {
    call: pageForm(
      () => '/app/mast/panels/2026-12-09/decisions',
      (f) => ({
        requestId: f.mastRequestId,
        'decision.outcome': 'signpost',
        'decision.signpostTo': 'Early help hub',
        reason: 'Matrix',
      }),
    ),
    allowed: ['mast.coordinator'],
  },
  'POST /app/mast/panels/:panelDate/conflicts': {
    call: pageForm(
      () => '/app/mast/panels/2026-12-09/conflicts',
      (f) => ({ requestId: f.mastRequestId, memberId: 'panel.health', nature: 'Matrix' }),
    ),
    allowed: ['mast.coordinator'],
  },
  'POST /app/mast/panels/:panelDate/:step': {
    call: pageForm(
      () => '/app/mast/panels/2026-12-16/minutes',
      () => ({ minutes: 'Matrix minutes' }),
    ),
    allowed: ['mast.coordinator'],
  },
  'GET /app/mast/deadlines': { call: page(() => '/app/mast/deadlines'), allowed: mastTeam },
  'GET /app/mast/dashboard': { call: page(() => '/app/mast/dashboard'), allowed: mastTeam },
  'GET /app/mast/decision-log': { call: page(() => '/app/mast/decision-log'), allowed: mastTeam },
  'GET /app/mast/caseloads': { call: page(() => '/app/mast/caseloads'), allowed: ['mast.coordinator'] },
  'GET /app/mast/caseloads/:workerId': {
    call: page(() => '/app/mast/caseloads/keyworker.mast'),
    allowed: ['mast.coordinator', 'keyworker.mast'],
  },
  'GET /app/mast/children/:childId/request': {
    call: page((f) => `/app/mast/children/${f.childId}/request`),
    allowed: oakfieldStaff,
  },
  // Without the request's fields: the API's 400 renders the form again, and no second request is made.
  'POST /app/mast/children/:childId/request': {
    call: pageForm(
      (f) => `/app/mast/children/${f.childId}/request`,
      (f) => ({ childId: f.childId }),
    ),
    allowed: ['senco.oakfield'],
    answers: [400],
  },
  // The family's pages: the family API's policies; an unknown consent is the consent domain's 404 or 409.
  'GET /app/family': { call: page(() => '/app/family'), allowed: familyAccounts },
  'GET /app/family/children/:childId/caf': {
    call: page((f) => `/app/family/children/${f.childId}/caf`),
    allowed: ['parent.demo'],
  },
  'GET /app/family/children/:childId/consents': {
    call: page((f) => `/app/family/children/${f.childId}/consents`),
    allowed: ['parent.demo'],
  },
  'GET /app/family/children/:childId/shared': {
    call: page((f) => `/app/family/children/${f.childId}/shared`),
    allowed: ['parent.demo'],
  },
  'GET /app/family/children/:childId/consents/:consentId/withdrawal': {
    call: page((f) => `/app/family/children/${f.childId}/consents/6f9619ff-8b86-4d11-b42d-00c04fc964ff/withdrawal`),
    allowed: ['parent.demo'],
  },
  'POST /app/family/children/:childId/consents/:consentId/withdrawal': {
    call: pageForm((f) => `/app/family/children/${f.childId}/consents/6f9619ff-8b86-4d11-b42d-00c04fc964ff/withdrawal`),
    allowed: ['parent.demo'],
  },
  'GET /app/mast/requests/:requestId': {
    call: page((f) => `/app/mast/requests/${f.mastRequestId}`),
    allowed: ['mast.coordinator', 'senco.oakfield', 'dsl.oakfield', 'head.oakfield'],
  },
};
const publicRoutes = [
  'GET /health',
  'GET /health/ready',
  'GET /metrics',
  'GET /',
  'GET /app/sign-in',
  'POST /app/sign-in',
  'GET /app/sign-in/oidc',
  'GET /app/sign-in/callback',
];

describe('access matrix: every endpoint, every role', () => {
  let platform: PlatformUnderTest;
  // Each id is filled in by beforeAll; the serial numbers the users the matrix creates.
  const fixture = { serial: 0 } as Fixture;

  beforeAll(async () => {
    // Every route for every user from one address: far past a real client's budget, which is tested in request-limits.
    platform = await startPlatform('access_matrix', {
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
    });
    const made = async (route: string, token: string, on: Fixture = fixture) => {
      const answer = await matrix[route].call(platform, token, on, '');
      expect(answer.status).toBe(201);
      return answer;
    };
    const created = await made('POST /children', await platform.tokenFor('senco.oakfield'));
    fixture.childId = created.body.childId;
    const referral = await made('POST /referrals', await platform.tokenFor('senco.oakfield'));
    fixture.referralId = referral.body.referralId;
    const senco = await platform.tokenFor('senco.oakfield');
    await auth(request(platform.http).post(`/children/${fixture.childId}/consents`), senco)
      .send(multiAgencyConsent)
      .expect(201);
    fixture.mastRequestId = (await made('POST /mast-requests', senco)).body.requestId;
    fixture.cafId = (await made('POST /cafs', senco)).body.cafId;
    fixture.workedCafId = (await made('POST /cafs', senco)).body.cafId;
    fixture.sharingId = (await made('POST /sharing', senco)).body.sharingId;
    fixture.concernId = (await made('POST /concerns', senco)).body.concernId;
    const leaving = (
      await auth(request(platform.http).post('/children'), senco)
        .send({
          givenName: 'Noor',
          familyName: 'Cole',
          dateOfBirth: '2015-03-20',
          schoolId: 'school-oakfield',
          yearGroup: 5,
          flags: [],
        })
        .expect(201)
    ).body.childId;
    await made('POST /concerns', senco, { ...fixture, childId: leaving });
    const moved = auth(
      request(platform.http).post(`/children/${leaving}/school-moves`),
      await platform.tokenFor('dsl.oakfield'),
    );
    fixture.moveId = (
      await moved.send({ toSchoolId: 'school-riverside', startsOn: '2026-12-01', reason: 'Matrix move' }).expect(201)
    ).body.moveId;
    fixture.subjectAccessRequestId = (
      await made('POST /subject-access-requests', await platform.tokenFor('dpo'))
    ).body.requestId;
    await made('POST /children/:childId/family-links', await platform.tokenFor('dsl.oakfield'));
    fixture.referredConcernId = (await made('POST /concerns', senco)).body.concernId;
    const toSocialCare = {
      ground: 'risk-of-significant-harm',
      urgency: 'within-one-working-day',
      categories: ['safeguarding'],
      summary: 'Matrix referral',
    };
    await auth(
      request(platform.http).post(`/concerns/${fixture.referredConcernId}/review`),
      await platform.tokenFor('dsl.oakfield'),
    )
      .send({
        outcome: 'refer-to-social-care',
        reasons: 'Matrix referral',
        reviewedOn: '2026-12-01',
        referral: toSocialCare,
      })
      .expect(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('finds a policy (or an explicit public mark) on every route, and a matrix row for each', () => {
    const routes: string[] = [];
    const unguarded: string[] = [];
    const controllers = [...platform.app.get(ModulesContainer).values()].flatMap((module) => [
      ...module.controllers.values(),
    ]);
    for (const wrapper of controllers) {
      const type = wrapper.metatype as new () => object;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '').replace(/^\/|\/$/g, '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        )
          continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^\/|\/$/g, '');
        const route = `${method} /${[base, path].filter(Boolean).join('/')}`;
        routes.push(route);
        const guarded =
          Reflect.getMetadata(POLICY, handler) !== undefined ||
          Reflect.getMetadata(PUBLIC, type) === true ||
          Reflect.getMetadata(PUBLIC, handler) === true;
        if (!guarded) unguarded.push(route);
      }
    }
    expect(unguarded).toEqual([]);
    expect(routes.filter((r) => !publicRoutes.includes(r)).sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(Object.keys(matrix))('%s: allows exactly the roles its policy names', async (route) => {
    const row = matrix[route];
    const outcomes: Record<string, number> = {};
    for (const userId of representatives) {
      const response = await row.call(platform, await platform.tokenFor(userId), fixture, userId);
      outcomes[userId] = response.status;
    }
    const allowed = Object.entries(outcomes)
      .filter(([, status]) => status !== 403)
      .map(([userId]) => userId);
    expect(allowed.sort()).toEqual([...row.allowed].sort());
    // Allowed means past the policy: a 404 or 409 (an opening already reviewed, an unknown consent) is the handler's answer; a page's form answers 303.
    for (const userId of allowed) expect(row.answers ?? [200, 201, 204, 303, 404, 409]).toContain(outcomes[userId]);
  });

  it('logged every refusal of the matrix', async () => {
    const { rows } = await platform.db.pool.query(
      `SELECT count(*)::int AS n FROM access.access_log WHERE outcome = 'refused'`,
    );
    const expectedRefusals = Object.values(matrix).reduce(
      (sum, row) => sum + representatives.length - row.allowed.length,
      0,
    );
    expect(rows[0].n).toBe(expectedRefusals);
  });
});
