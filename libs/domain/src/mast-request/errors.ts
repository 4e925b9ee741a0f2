import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the mast-request decider refuses a command by. */
export const mastRequestErrors = {
  'mast-request.allocated-worker-only': {
    kind: 'forbidden',
    message: 'First contact is recorded by the allocated worker',
  },
  'mast-request.allocation-kind': {
    kind: 'invalid',
    message: 'The allocation is a key-worker or a family-learning-mentor',
  },
  'mast-request.allocation-required': {
    kind: 'invalid',
    message: 'Accepting with an allocation names the key worker or family learning mentor',
  },
  'mast-request.already-listed': {
    kind: 'conflict',
    message: 'The request is already listed for the panel of …; it can only move to a later one',
  },
  'mast-request.already-made': { kind: 'conflict', message: 'MAST request … has already been made' },
  'mast-request.already-tried-required': { kind: 'invalid', message: 'alreadyTried must be a non-empty text' },
  'mast-request.breach-already-recorded': { kind: 'conflict', message: 'The … breach is already recorded' },
  'mast-request.breach-reason-required': { kind: 'invalid', message: 'breachReason must be a non-empty text' },
  'mast-request.child-required': { kind: 'invalid', message: 'childId must be a non-empty text' },
  'mast-request.consent-required': {
    kind: 'conflict',
    message: 'A MAST request needs consent covering mast-involvement',
  },
  'mast-request.contact-before-decision': { kind: 'invalid', message: 'First contact cannot precede the decision' },
  'mast-request.contact-on': { kind: 'invalid', message: 'contactOn must be a date YYYY-MM-DD' },
  'mast-request.deadline': { kind: 'invalid', message: 'The deadline is response or first-contact' },
  'mast-request.decision-outcome': { kind: 'invalid', message: 'The decision must be one of …' },
  'mast-request.deferred-to-later-panel': { kind: 'invalid', message: 'A deferred request returns to a panel after …' },
  'mast-request.end-reason-required': { kind: 'invalid', message: 'reason must be a non-empty text' },
  'mast-request.ended-on': { kind: 'invalid', message: 'endedOn must be a date YYYY-MM-DD' },
  'mast-request.first-contact-already-made': { kind: 'conflict', message: 'First contact was made on …' },
  'mast-request.information-needed-required': {
    kind: 'invalid',
    message: 'decision.informationNeeded must be a non-empty text',
  },
  'mast-request.level-of-need': {
    kind: 'invalid',
    message: 'The level of need is 1, 2, 3 or 4 on the threshold continuum',
  },
  'mast-request.mast-only': { kind: 'forbidden', message: 'Only MAST may …' },
  'mast-request.needs-required': { kind: 'invalid', message: 'needs must be a non-empty text' },
  'mast-request.no-involvement': { kind: 'conflict', message: 'Only an allocated MAST involvement can end' },
  'mast-request.no-open-deadline': { kind: 'conflict', message: 'No … is outstanding' },
  'mast-request.no-response-due': { kind: 'conflict', message: 'No panel response is owed to the school' },
  'mast-request.not-allocated': { kind: 'conflict', message: 'First contact follows an allocation' },
  'mast-request.not-awaiting-panel': { kind: 'conflict', message: 'The request is …, not awaiting a panel' },
  'mast-request.not-listed-for-panel': {
    kind: 'conflict',
    message: 'The request is not on the agenda of the panel of …',
  },
  'mast-request.not-made': { kind: 'conflict', message: 'MAST request … has not been made' },
  'mast-request.not-yet-breached': { kind: 'conflict', message: 'The … is due by …; it has not been breached' },
  'mast-request.panel-before-request': {
    kind: 'invalid',
    message: 'A request is listed for a panel on or after the day it was received',
  },
  'mast-request.panel-date': { kind: 'invalid', message: 'panelDate must be a date YYYY-MM-DD' },
  'mast-request.parents-required': {
    kind: 'invalid',
    message: 'The SENCo makes the request with the parents or carers (001): name them',
  },
  'mast-request.reason-required': { kind: 'invalid', message: 'reason must be a non-empty text' },
  'mast-request.response-before-panel': { kind: 'invalid', message: 'The response cannot be sent before the panel' },
  'mast-request.response-outstanding': {
    kind: 'conflict',
    message: 'The school has not yet had the response to the panel of …',
  },
  'mast-request.senco-only': {
    kind: 'forbidden',
    message: 'A request for MAST involvement is made by the school SENCo (001)',
  },
  'mast-request.sent-on': { kind: 'invalid', message: 'sentOn must be a date YYYY-MM-DD' },
  'mast-request.service-required': { kind: 'invalid', message: 'decision.service must be a non-empty text' },
  'mast-request.signpost-required': { kind: 'invalid', message: 'decision.signpostTo must be a non-empty text' },
  'mast-request.today': { kind: 'invalid', message: 'today must be a date YYYY-MM-DD' },
} as const satisfies ErrorCatalogue;
