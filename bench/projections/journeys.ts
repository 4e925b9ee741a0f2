import { childDecider, type ChildCommand } from '@app/domain';
import { consentDecider, type ConsentCommand, type CoverageAnswer } from '@app/domain';
import { consentNeededForMentoring, referralDecider, type ReferralCommand } from '@app/domain';
import type { Actor, Decider, DomainEvent } from '@app/domain';
import { isDomainError } from '@app/domain';
import { endingSessions, steps } from '@app/domain/testing';

/** One command's events for one stream, as the API's decide-and-append would write them. */
export interface Decided {
  readonly streamId: string;
  readonly childId: string;
  readonly actor: Actor;
  readonly events: readonly DomainEvent[];
}

type School = `school-${string}`;

const coveredBy = (schoolId: School, consentId: string, at: string): CoverageAnswer[] =>
  consentNeededForMentoring(schoolId).map((question) => ({
    covered: true,
    question: { ...question, at },
    basis: 'consent',
    consentId,
    giverKind: 'parent-carer',
  }));

const GIVEN = ['Amira', 'Jay', 'Kai', 'Zara', 'Tom', 'Lily', 'Mo', 'Ben', 'Ava', 'Noah', 'Isla', 'Leo'];
const FAMILY = ['Khan', 'Okoro', 'Brennan', 'Ahmed', 'Price', 'Evans', 'Ali', 'Smith', 'Jones', 'Patel'];

/**
 * A child's year at school as the platform records it, decided by the domain's own deciders:
 * registration (a fifth with a later correction of details), the parents' consent to
 * mentoring, and a learning-mentor case walked through every R.A.F.I.E. step to its
 * follow-up (the domain's example walk, re-addressed). 16 or 17 events over 3 streams.
 */
export function childJourney(n: number, schools: number): Decided[] {
  const childId = `child-${n}`;
  const schoolId: School = `school-${n % schools}`;
  const referralId = `r-${n}`;
  const consentId = `consent-${n}`;
  const dateOfBirth = `20${String(10 + (n % 8)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`;
  const staff: Actor = { userId: `u-senco-${schoolId}`, role: 'senco', agencyId: schoolId } as Actor;
  const mentor: Actor = { userId: `u-mentor-${schoolId}`, role: 'learning-mentor', agencyId: schoolId } as Actor;
  const out: Decided[] = [];
  const run = <C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    actor: Actor,
    commands: readonly C[],
  ) => {
    let state = decider.initialState;
    for (const command of commands) {
      const events = decider.decide(command, state);
      if (isDomainError(events))
        throw new Error(`${streamId}: ${(command as { type: string }).type} refused: ${events.rule} ${events.message}`);
      state = events.reduce(decider.evolve, state);
      out.push({ streamId, childId, actor, events });
    }
  };
  const child: ChildCommand[] = [
    {
      type: 'RegisterChild',
      childId,
      today: '2026-01-05',
      details: {
        givenName: GIVEN[n % GIVEN.length],
        familyName: FAMILY[n % FAMILY.length],
        dateOfBirth,
        schoolId,
        yearGroup: 1 + (n % 11),
        flags: n % 7 === 0 ? ['young-carer'] : [],
        ...(n % 3 === 0 ? { upn: `A${String(n).padStart(12, '0')}` } : {}),
      },
    },
  ];
  if (n % 5 === 0)
    child.push({
      type: 'CorrectChildDetails',
      childId,
      changes: { familyName: `${FAMILY[(n + 1) % FAMILY.length]}-${FAMILY[n % FAMILY.length]}` },
      reason: 'Parent asked for the double-barrelled name',
      today: '2026-01-05',
    });
  const consent: ConsentCommand[] = [
    {
      type: 'GiveConsent',
      consentId,
      childId,
      childDateOfBirth: dateOfBirth,
      giver: { kind: 'parent-carer', name: 'A Parent', relationship: 'mother' },
      informed: {
        purpose: 'Learning mentor support for barriers to learning',
        use: 'Planning and reviewing one-to-one or group work',
        recipients: 'The learning mentor, SENCo and class teacher',
        retention: 'Kept in the locked case file until the child leaves the school',
      },
      scope: {
        purposes: ['learning-mentor-support'],
        recipients: [schoolId],
        categories: ['education', 'attendance', 'behaviour'],
      },
      evidence: { form: 'written', documentRef: `form-${childId}` },
      startsOn: '2026-01-05',
      expiresOn: '2026-09-01',
    },
  ];
  const { refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, close, followUp } = steps;
  const readdress = (command: ReferralCommand) => ({ ...command, referralId }) as ReferralCommand;
  const referral: ReferralCommand[] = [
    { ...refer, referralId, childId, schoolId },
    { ...triage, referralId, mentorId: mentor.userId, consent: coveredBy(schoolId, consentId, '2026-01-14') },
    ...[agree].map(readdress),
    { ...assess, referralId, consent: coveredBy(schoolId, consentId, '2026-01-23') },
    ...[targets, plan, session, reviewBeginEnding, ending, ...endingSessions, close, followUp].map(readdress),
  ] as ReferralCommand[];
  run(childDecider, `child-${childId}`, staff, child);
  run(consentDecider, `consent-${childId}`, staff, consent);
  run(referralDecider, `referral-${referralId}`, mentor, referral);
  return out;
}
