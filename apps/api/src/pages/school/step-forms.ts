import { randomUUID } from 'node:crypto';
import {
  dayOf,
  decimalOf,
  definedFields,
  type FormBody,
  linesOf,
  numberOf,
  textOf,
  tickedOf,
  ticksOf,
  yesNoOf,
} from '../form-values';
import type { CaseFacts } from './case-facts';

/** A R.A.F.I.E. step the pages have a form for: the body it sends is the API step's body. */
export interface StepForm {
  readonly title: string;
  /** The step's date field: a GOV.UK date input filled in with today, its error linked to the day box. */
  readonly dateField: string;
  /** The form's other date inputs, each error linked to its day box. */
  readonly otherDates?: readonly string[];
  /** Who the form is for, in words (the policy decides). */
  readonly audience: string;
  /** What to ask for when a field is left blank, by the API's field path (`profile.completedOn`, `targets[0].owner`). */
  readonly blank: Readonly<Record<string, string>>;
  /** The input an API field's error links to, when not the field's own name. */
  readonly anchors?: Readonly<Record<string, string>>;
  /** A state rule's refusal in the form's words, by the rule, when the API's message names its fields. */
  readonly refusals?: Readonly<Record<string, string>>;
  /** What the form opens with besides today's date, from the case so far. */
  opening?(facts: CaseFacts): Record<string, unknown>;
  body(form: FormBody, facts: CaseFacts): Record<string, unknown>;
}

/** Attendance and behaviour measured at a point of the case, from three inputs named `<prefix>Attendance` and so on. */
const measuresOf = (f: FormBody, prefix: string) =>
  definedFields({
    attendancePercent: decimalOf(f, `${prefix}Attendance`),
    behaviourIncidents: numberOf(f, `${prefix}Behaviour`),
    fixedTermExclusions: numberOf(f, `${prefix}Exclusions`),
  });
const measureAnchors = (field: string, prefix: string) => ({
  [`${field}.attendancePercent`]: `${prefix}Attendance`,
  [`${field}.behaviourIncidents`]: `${prefix}Behaviour`,
  [`${field}.fixedTermExclusions`]: `${prefix}Exclusions`,
});
const measureBlanks = (field: string) => ({
  [`${field}.attendancePercent`]: 'Enter attendance as a percentage',
  [`${field}.behaviourIncidents`]: 'Enter the number of behaviour incidents',
});

/** The targets form has rows for this many targets; a case sets more by recording the step again. */
export const TARGET_ROWS = [1, 2, 3] as const;
const TARGET_PARTS = { description: 'Description', measure: 'Measure', owner: 'Owner', dueOn: 'DueOn' } as const;
const targetInput = (row: number, part: keyof typeof TARGET_PARTS) => `target${row}${TARGET_PARTS[part]}`;

/** A review reports on every target of the plan, one row each; more rows than a plan has targets are never shown. */
const REVIEW_ROWS = Array.from({ length: 12 }, (_, i) => i + 1);

export const STEP_FORMS: Readonly<Record<string, StepForm>> = {
  profile: {
    title: 'Complete the Primary Assessment Profile',
    dateField: 'completedOn',
    audience: 'the mentor',
    anchors: {
      'profile.completedOn': 'completedOn-day',
      'profile.lateArrivals': 'lateArrivals',
      'profile.attainmentAgainstTarget': 'attainmentAgainstTarget',
      'profile.pastoralRiskFactors': 'pastoralRiskFactors',
      ...measureAnchors('profile', 'profile'),
    },
    blank: {
      'profile.completedOn': 'Enter the date the profile was completed',
      ...measureBlanks('profile'),
      'profile.lateArrivals': 'Enter the number of late arrivals this term',
      'profile.fixedTermExclusions': 'Enter the number of fixed-term exclusions, 0 if none',
      'profile.attainmentAgainstTarget': 'Select attainment against target',
    },
    body: (f) => ({
      profile: definedFields({
        completedOn: dayOf(f, 'completedOn'),
        ...measuresOf(f, 'profile'),
        lateArrivals: numberOf(f, 'lateArrivals'),
        attainmentAgainstTarget: textOf(f, 'attainmentAgainstTarget'),
        pastoralRiskFactors: ticksOf(f, 'pastoralRiskFactors'),
        teacherAssessment: textOf(f, 'teacherAssessment'),
      }),
    }),
  },
  triage: {
    title: 'Triage the referral',
    dateField: 'triagedOn',
    audience: 'the SENCo',
    blank: {
      triagedOn: 'Enter the date of triage',
      outcome: 'Select a decision',
      priority: 'Select the priority',
      levelOfNeed: 'Select the level of need',
      baeCategory: 'Select the B.A.E. category',
    },
    body: (f) =>
      definedFields({
        triagedOn: dayOf(f, 'triagedOn'),
        priority: textOf(f, 'priority'),
        levelOfNeed: numberOf(f, 'levelOfNeed'),
        baeCategory: textOf(f, 'baeCategory'),
        outcome: textOf(f, 'outcome'),
        mentorId: textOf(f, 'mentorId'),
        workMode: textOf(f, 'workMode'),
        reason: textOf(f, 'reason'),
      }),
  },
  'mentoring-agreement': {
    title: 'Record the mentoring agreement',
    dateField: 'signedOn',
    audience: 'the mentor',
    blank: { signedOn: 'Enter the date the agreement was signed' },
    body: (f) =>
      definedFields({
        signedOn: dayOf(f, 'signedOn'),
        signedByChild: tickedOf(f, 'signedByChild'),
        signedByMentor: tickedOf(f, 'signedByMentor'),
        confidentialityExplained: tickedOf(f, 'confidentialityExplained'),
        documentRef: textOf(f, 'documentRef'),
      }),
  },
  assessment: {
    title: 'Record the assessment',
    dateField: 'assessedOn',
    audience: 'the mentor',
    anchors: measureAnchors('baseline', 'baseline'),
    blank: {
      assessedOn: 'Enter the date of the assessment',
      strengths: "Enter the child's strengths, each on its own line",
      needs: "Enter the child's needs, each on its own line",
      needsStatement: 'Enter the statement of need',
      ...measureBlanks('baseline'),
      childView: "Enter the child's own view",
    },
    // The baseline starts from the profile's measures at referral; the mentor corrects them if they have moved.
    opening: ({ atReferral }) =>
      atReferral
        ? definedFields({
            baselineAttendance: atReferral.attendancePercent?.toString(),
            baselineBehaviour: atReferral.behaviourIncidents?.toString(),
            baselineExclusions: atReferral.fixedTermExclusions?.toString(),
          })
        : {},
    body: (f) =>
      definedFields({
        assessedOn: dayOf(f, 'assessedOn'),
        strengths: linesOf(f, 'strengths'),
        needs: linesOf(f, 'needs'),
        needsStatement: textOf(f, 'needsStatement'),
        baseline: measuresOf(f, 'baseline'),
        childView: textOf(f, 'childView'),
        toolsUsed: linesOf(f, 'toolsUsed'),
      }),
  },
  targets: {
    title: 'Set goals and targets',
    dateField: 'setOn',
    otherDates: TARGET_ROWS.map((row) => targetInput(row, 'dueOn')),
    audience: 'the mentor',
    anchors: {
      goals: 'goal',
      'goals[0].outcome': 'goal',
      targets: targetInput(1, 'description'),
      ...Object.fromEntries(
        TARGET_ROWS.flatMap((row) => [
          [`targets[${row - 1}].goalId`, 'goal'],
          ...(Object.keys(TARGET_PARTS) as Array<keyof typeof TARGET_PARTS>).map((part) => [
            `targets[${row - 1}].${part}`,
            part === 'dueOn' ? `${targetInput(row, part)}-day` : targetInput(row, part),
          ]),
        ]),
      ),
    },
    blank: {
      setOn: 'Enter the date the targets were set',
      goals: 'Enter the goal: what will be different for the child',
      targets: 'Enter at least one target',
      ...Object.fromEntries(
        TARGET_ROWS.flatMap((row) => [
          [`targets[${row - 1}].description`, `Enter what target ${row} is`],
          [`targets[${row - 1}].measure`, `Enter how progress on target ${row} is measured`],
          [`targets[${row - 1}].owner`, `Enter who owns target ${row}`],
          [`targets[${row - 1}].dueOn`, `Enter the date target ${row} is due`],
        ]),
      ),
    },
    body: (f) => {
      // One goal a time, each target a step towards it (003 §1a); the ids are new, as the API's body carries them.
      const outcome = textOf(f, 'goal');
      const goalId = `goal-${randomUUID()}`;
      const rows = TARGET_ROWS.map((row) => ({
        description: textOf(f, targetInput(row, 'description')),
        measure: textOf(f, targetInput(row, 'measure')),
        owner: textOf(f, targetInput(row, 'owner')),
        dueOn: dayOf(f, targetInput(row, 'dueOn')),
      }));
      // Rows up to the last one filled in: a row left blank between two is refused by its number.
      const filled = rows.map((row) => Object.values(row).some((v) => v !== undefined));
      const used = rows.slice(0, filled.lastIndexOf(true) + 1);
      return definedFields({
        setOn: dayOf(f, 'setOn'),
        goals: outcome ? [{ goalId, outcome }] : undefined,
        targets:
          used.length > 0
            ? used.map((row) =>
                definedFields({ targetId: `target-${randomUUID()}`, goalId: outcome ? goalId : undefined, ...row }),
              )
            : undefined,
      });
    },
  },
  'action-plan': {
    title: 'Agree the action plan',
    dateField: 'agreedOn',
    otherDates: ['plannedEndOn', 'reviewOn'],
    audience: 'the mentor',
    anchors: { 'targetIds[0]': 'targetIds' },
    blank: {
      agreedOn: 'Enter the date the plan was agreed',
      strategies: 'Enter the strategies, each on its own line',
      services: 'Enter the services that support the plan, each on its own line',
      interventionLength: 'Select the length of the intervention',
      plannedEndOn: 'Enter the date the intervention is planned to end',
      reviewOn: 'Enter the date of the first review',
      targetIds: 'Select the targets the plan works towards',
    },
    opening: (facts) => ({ targetIds: facts.targets.map((t) => t.targetId) }),
    body: (f) => {
      const targetIds = ticksOf(f, 'targetIds');
      return definedFields({
        agreedOn: dayOf(f, 'agreedOn'),
        strategies: linesOf(f, 'strategies'),
        services: linesOf(f, 'services'),
        interventionLength: textOf(f, 'interventionLength'),
        plannedEndOn: dayOf(f, 'plannedEndOn'),
        reviewOn: dayOf(f, 'reviewOn'),
        targetIds: targetIds.length > 0 ? targetIds : undefined,
      });
    },
  },
  sessions: {
    title: 'Record a session',
    dateField: 'heldOn',
    audience: 'the mentor',
    anchors: { 'notes[0].text': 'noteText', 'notes[0].source': 'noteSource', 'notes[0].toldBy': 'toldBy' },
    blank: {
      heldOn: 'Enter the date of the session',
      kind: 'Select the kind of session',
      attended: 'Select whether the child attended',
    },
    body: (f) => {
      const text = textOf(f, 'noteText');
      const source = textOf(f, 'noteSource');
      return definedFields({
        heldOn: dayOf(f, 'heldOn'),
        kind: textOf(f, 'kind'),
        attended: yesNoOf(f, 'attended'),
        durationMinutes: numberOf(f, 'durationMinutes'),
        // One note per session from the page; second-hand information says who told (Box 7).
        notes:
          text || source
            ? [definedFields({ text, source, toldBy: source === 'second-hand' ? textOf(f, 'toldBy') : undefined })]
            : [],
      });
    },
  },
  reviews: {
    title: 'Hold a review',
    dateField: 'heldOn',
    otherDates: ['nextReviewOn'],
    audience: 'the mentor',
    anchors: {
      outcome: 'outcome',
      progress: 'progress1',
      ...Object.fromEntries(REVIEW_ROWS.map((row) => [`progress[${row - 1}].progress`, `progress${row}`])),
    },
    blank: {
      heldOn: 'Enter the date of the review',
      outcome: 'Select what happens next',
      nextReviewOn: 'Enter the date of the next review',
      ...Object.fromEntries(
        REVIEW_ROWS.map((row) => [`progress[${row - 1}].progress`, `Select the progress on target ${row}`]),
      ),
    },
    // One row per target of the plan in force: the review reports on every one (003 §1a).
    body: (f, facts) =>
      definedFields({
        heldOn: dayOf(f, 'heldOn'),
        progress: facts.planTargets.map(({ targetId }, i) =>
          definedFields({ targetId, progress: textOf(f, `progress${i + 1}`), note: textOf(f, `note${i + 1}`) }),
        ),
        outcome: textOf(f, 'outcome'),
        nextReviewOn: dayOf(f, 'nextReviewOn'),
        childView: textOf(f, 'childView'),
      }),
  },
  ending: {
    title: 'Plan the ending',
    dateField: 'plannedOn',
    otherDates: ['endOn'],
    audience: 'the mentor',
    anchors: { 'fading[0]': 'fading' },
    blank: {
      plannedOn: 'Enter the date the ending was planned',
      sessionsRemaining: 'Enter how many sessions remain before the ending',
      endOn: 'Enter the date of the last session',
    },
    body: (f) =>
      definedFields({
        plannedOn: dayOf(f, 'plannedOn'),
        sessionsRemaining: numberOf(f, 'sessionsRemaining'),
        endOn: dayOf(f, 'endOn'),
        fading: ticksOf(f, 'fading'),
      }),
  },
  closure: {
    title: 'Record the exit',
    dateField: 'closedOn',
    otherDates: ['followUpDueOn'],
    audience: 'the mentor',
    anchors: measureAnchors('exit', 'exit'),
    refusals: {
      'referral.ending-sessions-not-held':
        'The sessions the planned ending announced have not all been held: hold them first, or say here why the case closes sooner',
    },
    blank: {
      closedOn: 'Enter the date the case closed',
      reason: 'Select why the case closed',
      reasonDetail: 'Say why the case closed',
      ...measureBlanks('exit'),
      followUpDueOn: 'Enter the date progress will be followed up',
    },
    body: (f) =>
      definedFields({
        closedOn: dayOf(f, 'closedOn'),
        reason: textOf(f, 'reason'),
        reasonDetail: textOf(f, 'reasonDetail'),
        exit: measuresOf(f, 'exit'),
        evaluation: textOf(f, 'evaluation'),
        followUpDueOn: dayOf(f, 'followUpDueOn'),
        referredOnTo: textOf(f, 'referredOnTo'),
      }),
  },
  'follow-up': {
    title: 'Record a follow-up',
    dateField: 'heldOn',
    audience: 'the mentor',
    anchors: measureAnchors('measures', 'followUp'),
    blank: {
      heldOn: 'Enter the date of the follow-up',
      outcome: 'Select how the child is doing',
      ...measureBlanks('measures'),
    },
    body: (f) => {
      // The measures are optional, but once one is given the API asks for both.
      const measures = measuresOf(f, 'followUp');
      return definedFields({
        heldOn: dayOf(f, 'heldOn'),
        outcome: textOf(f, 'outcome'),
        measures: Object.keys(measures).length > 0 ? measures : undefined,
        note: textOf(f, 'note'),
      });
    },
  },
};

/** The ids of the inputs an API field's error links to, when not the field's own name. */
export const anchorsOf = (form: StepForm): Record<string, string> => ({
  ...Object.fromEntries([form.dateField, ...(form.otherDates ?? [])].map((field) => [field, `${field}-day`])),
  ...form.anchors,
});

/** The value a body holds at an API field path (`targets[0].dueOn`). */
const valueAt = (body: unknown, path: string): unknown =>
  path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .reduce<unknown>(
      (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      body,
    );

/** The form's words for each field the body it sent leaves blank. */
export const blanksOf = (form: StepForm, body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(form.blank).filter(([path]) => valueAt(body, path) === undefined));
