import { DomainError, isIsoDate, type Decider } from '../shared';
import type { SocialCareCaseCommand } from './commands';
import type { SocialCareCaseEvent } from './events';

export type SocialCareCaseState =
  | { readonly status: 'unknown' }
  | { readonly status: 'open'; readonly childRef: string; readonly planStartedOn: string | null }
  | { readonly status: 'closed'; readonly childRef: string; readonly closedOn: string };

function refuseBadInput(command: SocialCareCaseCommand, state: SocialCareCaseState): DomainError | null {
  const [field, day] =
    command.type === 'RecordChildProtectionPlanStarted'
      ? ['startedOn', command.startedOn]
      : command.type === 'RecordChildProtectionPlanEnded'
        ? ['endedOn', command.endedOn]
        : ['closedOn', command.closedOn];
  if (!isIsoDate(day))
    return new DomainError('social-care-case.date-invalid', `${field} must be a date (YYYY-MM-DD)`, 'invalid', field);
  if (state.status !== 'unknown' && state.childRef !== command.childRef) {
    return new DomainError(
      'social-care-case.child-mismatch',
      `Case ${command.caseId} is about another child`,
      'invalid',
      'childRef',
    );
  }
  if (state.status === 'closed')
    return new DomainError('social-care-case.closed', `Case ${command.caseId} was closed on ${state.closedOn}`);
  return null;
}

/**
 * A social-care case as the platform knows it from social care's messages. The rules keep
 * the record coherent when messages arrive wrong: one plan at a time, a plan ends after it
 * starts, a case closes only once its plan has ended, nothing happens to a closed case.
 */
export const socialCareCaseDecider: Decider<SocialCareCaseCommand, SocialCareCaseEvent, SocialCareCaseState> = {
  initialState: { status: 'unknown' },

  decide(command, state) {
    const refused = refuseBadInput(command, state);
    if (refused) return refused;
    const planStartedOn = state.status === 'open' ? state.planStartedOn : null;
    const { caseId, childRef } = command;
    switch (command.type) {
      case 'RecordChildProtectionPlanStarted':
        if (planStartedOn)
          return new DomainError(
            'social-care-case.plan-already-active',
            `A plan has been in place since ${planStartedOn}`,
          );
        return [{ type: 'ChildProtectionPlanStarted', data: { caseId, childRef, startedOn: command.startedOn } }];
      case 'RecordChildProtectionPlanEnded':
        if (!planStartedOn)
          return new DomainError(
            'social-care-case.no-active-plan',
            `Case ${caseId} has no child protection plan in place`,
          );
        if (command.endedOn < planStartedOn) {
          return new DomainError(
            'social-care-case.plan-ends-before-it-starts',
            `The plan started on ${planStartedOn}`,
            'invalid',
            'endedOn',
          );
        }
        return [{ type: 'ChildProtectionPlanEnded', data: { caseId, childRef, endedOn: command.endedOn } }];
      case 'RecordSocialCareCaseClosed':
        if (planStartedOn)
          return new DomainError(
            'social-care-case.plan-still-active',
            `End the plan in place since ${planStartedOn} before closing`,
          );
        return [{ type: 'SocialCareCaseClosed', data: { caseId, childRef, closedOn: command.closedOn } }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ChildProtectionPlanStarted':
        return { status: 'open', childRef: event.data.childRef, planStartedOn: event.data.startedOn };
      case 'ChildProtectionPlanEnded':
        return { status: 'open', childRef: event.data.childRef, planStartedOn: null };
      case 'SocialCareCaseClosed':
        return { status: 'closed', childRef: event.data.childRef, closedOn: event.data.closedOn };
    }
  },
};
