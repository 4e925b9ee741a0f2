import { given } from '../testing/given';
import { socialCareCaseDecider } from './decider';
import type { SocialCareCaseEvent } from './events';

const childRef = 'a'.repeat(64);
const started: SocialCareCaseEvent = {
  type: 'ChildProtectionPlanStarted',
  data: { caseId: 'case-1', childRef, startedOn: '2025-11-03' },
};
const ended: SocialCareCaseEvent = {
  type: 'ChildProtectionPlanEnded',
  data: { caseId: 'case-1', childRef, endedOn: '2026-02-10' },
};
const closed: SocialCareCaseEvent = {
  type: 'SocialCareCaseClosed',
  data: { caseId: 'case-1', childRef, closedOn: '2026-03-01' },
};

describe('social-care case (social-care-case-{caseId}), from inbound social-care updates', () => {
  it('records a child protection plan starting', () => {
    given(socialCareCaseDecider, [])
      .when({ type: 'RecordChildProtectionPlanStarted', caseId: 'case-1', childRef, startedOn: '2025-11-03' })
      .then([started]);
  });

  it('refuses a second plan while one is in place', () => {
    given(socialCareCaseDecider, [started])
      .when({ type: 'RecordChildProtectionPlanStarted', caseId: 'case-1', childRef, startedOn: '2025-12-01' })
      .thenError('social-care-case.plan-already-active');
  });

  it('records the plan ending, and a new plan after it', () => {
    given(socialCareCaseDecider, [started])
      .when({ type: 'RecordChildProtectionPlanEnded', caseId: 'case-1', childRef, endedOn: '2026-02-10' })
      .then([ended]);
    given(socialCareCaseDecider, [started, ended])
      .when({ type: 'RecordChildProtectionPlanStarted', caseId: 'case-1', childRef, startedOn: '2026-02-20' })
      .events();
  });

  it('refuses to end a plan that is not in place', () => {
    given(socialCareCaseDecider, [])
      .when({ type: 'RecordChildProtectionPlanEnded', caseId: 'case-1', childRef, endedOn: '2026-02-10' })
      .thenError('social-care-case.no-active-plan');
  });

  it('refuses a plan that ends before it started, naming the field', () => {
    const error = given(socialCareCaseDecider, [started])
      .when({ type: 'RecordChildProtectionPlanEnded', caseId: 'case-1', childRef, endedOn: '2025-10-01' })
      .thenError('social-care-case.plan-ends-before-it-starts');
    expect(error).toMatchObject({ kind: 'invalid', field: 'endedOn' });
  });

  it('closes a case once its plan has ended, not while it is in place', () => {
    given(socialCareCaseDecider, [started])
      .when({ type: 'RecordSocialCareCaseClosed', caseId: 'case-1', childRef, closedOn: '2026-03-01' })
      .thenError('social-care-case.plan-still-active');
    given(socialCareCaseDecider, [started, ended])
      .when({ type: 'RecordSocialCareCaseClosed', caseId: 'case-1', childRef, closedOn: '2026-03-01' })
      .then([closed]);
  });

  it('records a case closed that the platform knew nothing about (no plan was ever reported)', () => {
    given(socialCareCaseDecider, [])
      .when({ type: 'RecordSocialCareCaseClosed', caseId: 'case-1', childRef, closedOn: '2026-03-01' })
      .then([closed]);
  });

  it('refuses anything on a closed case', () => {
    given(socialCareCaseDecider, [started, ended, closed])
      .when({ type: 'RecordChildProtectionPlanStarted', caseId: 'case-1', childRef, startedOn: '2026-04-01' })
      .thenError('social-care-case.closed');
  });

  it('refuses an update about another child than the case is about', () => {
    const error = given(socialCareCaseDecider, [started])
      .when({
        type: 'RecordChildProtectionPlanEnded',
        caseId: 'case-1',
        childRef: 'b'.repeat(64),
        endedOn: '2026-02-10',
      })
      .thenError('social-care-case.child-mismatch');
    expect(error.field).toBe('childRef');
  });

  it('refuses a date that is not a date', () => {
    given(socialCareCaseDecider, [])
      .when({ type: 'RecordChildProtectionPlanStarted', caseId: 'case-1', childRef, startedOn: '2025-13-45' })
      .thenError('social-care-case.date-invalid');
  });
});
