import type { RecordedEvent } from '@app/event-store';
import { EVENT_WORDS } from './words';

export interface TimelineItem {
  readonly label: string;
  readonly by: string;
  readonly at: string;
  readonly detail: string;
}

const word = (value: unknown) => String(value).replace(/-/g, ' ');
const dayWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (value: unknown) => (typeof value === 'string' ? dayWords.format(new Date(`${value}T00:00:00Z`)) : '');

/** The few facts each step's timeline entry names: enough to recognise it, the case page holds the rest. */
const detailOf = (event: RecordedEvent, names: ReadonlyMap<string, string>): string => {
  const d = event.data;
  switch (event.type) {
    case 'ReferralTriaged':
      return [
        word(d.outcome),
        d.priority && `${word(d.priority)} priority`,
        d.levelOfNeed && `level of need ${d.levelOfNeed}`,
        d.baeCategory && `B.A.E. ${d.baeCategory}`,
        typeof d.mentorId === 'string' && `mentor ${names.get(d.mentorId) ?? d.mentorId}`,
      ]
        .filter(Boolean)
        .join(', ');
    case 'SessionRecorded':
      return `${word(d.kind)} session on ${day(d.heldOn)}, ${d.attended ? 'attended' : 'missed'}`;
    case 'AssessmentRecorded':
      return Array.isArray(d.strengths)
        ? `${d.strengths.length} strengths, ${Array.isArray(d.needs) ? d.needs.length : 0} needs`
        : '';
    case 'TargetsSet':
      return Array.isArray(d.targets)
        ? `${d.targets.length} SMART ${d.targets.length === 1 ? 'target' : 'targets'}`
        : '';
    case 'ActionPlanAgreed':
      return `${word(d.interventionLength)} intervention, first review on ${day(d.reviewOn)}`;
    case 'ReviewHeld':
      return `Outcome: ${word(d.outcome)}`;
    case 'EndingPlanned':
      return `${d.sessionsRemaining} sessions to go, the last on ${day(d.endOn)}`;
    case 'CaseClosed':
      return `Reason: ${word(d.reason)}`;
    case 'FollowUpRecorded':
      return `Outcome: ${word(d.outcome)}`;
    default:
      return '';
  }
};

/**
 * What happened on the case and who recorded it, newest first, from the case's own event
 * stream: every event names its actor and when it happened on the platform clock.
 */
export function caseTimeline(events: readonly RecordedEvent[], names: ReadonlyMap<string, string>): TimelineItem[] {
  return [...events].reverse().map((event) => ({
    label: EVENT_WORDS[event.type] ?? event.type,
    by: names.get(event.metadata.actor.userId) ?? event.metadata.actor.userId,
    at: event.occurredAt.toISOString(),
    detail: detailOf(event, names),
  }));
}
