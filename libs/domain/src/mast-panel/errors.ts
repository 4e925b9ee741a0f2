import type { ErrorCatalogue } from '../shared/errors-catalogue';

/** The rules the mast-panel decider refuses a command by. */
export const mastPanelErrors = {
  'mast-panel.agenda-in-use': { kind: 'conflict', message: 'The agenda cannot change once decisions are recorded' },
  'mast-panel.already-decided': { kind: 'conflict', message: 'Request … is already decided at this panel' },
  'mast-panel.already-present': { kind: 'conflict', message: '… is already recorded as present' },
  'mast-panel.already-scheduled': { kind: 'conflict', message: 'A panel is already scheduled for …' },
  'mast-panel.closed': { kind: 'conflict', message: 'The panel of … is closed' },
  'mast-panel.conflict-already-declared': {
    kind: 'conflict',
    message: '… has already declared a conflict on this request',
  },
  'mast-panel.conflict-nature-required': { kind: 'invalid', message: 'nature must be a non-empty text' },
  'mast-panel.cut-off': { kind: 'invalid', message: 'The cut-off is an instant (ISO-8601)' },
  'mast-panel.cut-off-after-panel': { kind: 'invalid', message: 'The cut-off comes before the panel' },
  'mast-panel.mast-only': { kind: 'forbidden', message: 'Only MAST may …' },
  'mast-panel.member-agency-required': { kind: 'invalid', message: 'member.agencyId must be a non-empty text' },
  'mast-panel.member-required': { kind: 'invalid', message: 'member.userId must be a non-empty text' },
  'mast-panel.members-only': { kind: 'invalid', message: 'Panel attendance is of professional members' },
  'mast-panel.minutes-required': { kind: 'invalid', message: 'minutes must be a non-empty text' },
  'mast-panel.not-on-agenda': { kind: 'conflict', message: "Request … is not on this panel's agenda" },
  'mast-panel.not-panel-weekday': { kind: 'invalid', message: 'The panel meets on …s; … is a …' },
  'mast-panel.not-present': { kind: 'conflict', message: '… is not recorded as present' },
  'mast-panel.not-scheduled': { kind: 'conflict', message: 'No panel is scheduled for that day' },
  'mast-panel.not-yet-met': {
    kind: 'conflict',
    message: 'The panel meets on …; what happens in it is recorded from that day (today is …)',
  },
  'mast-panel.panel-date': { kind: 'invalid', message: 'panelDate must be a date YYYY-MM-DD' },
  'mast-panel.quorum-config': {
    kind: 'invalid',
    message: 'The quorum rule needs whole numbers: members ≥ agencies ≥ 1',
  },
  'mast-panel.quorum-not-met': {
    kind: 'conflict',
    message: 'No decision without a quorum: … must take part; … member… from … agenc… can (present and not conflicted)',
  },
  'mast-panel.reason-required': { kind: 'invalid', message: 'reason must be a non-empty text' },
  'mast-panel.today': { kind: 'invalid', message: 'today must be a date YYYY-MM-DD' },
  'mast-panel.weekday-config': {
    kind: 'invalid',
    message: 'The configured panel weekday is 0 (Sunday) to 6 (Saturday)',
  },
} as const satisfies ErrorCatalogue;
