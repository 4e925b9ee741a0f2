import { dayOf, definedFields, type FormBody, numberOf, textOf, tickedOf, yesNoOf } from '../form-values';

/** A R.A.F.I.E. step the pages have a form for: the body it sends is the API step's body. */
export interface StepForm {
  readonly title: string;
  /** The step's date field: a GOV.UK date input, its error linked to the day box. */
  readonly dateField: string;
  /** Who the form is for, in words (the policy decides). */
  readonly audience: string;
  body(form: FormBody): Record<string, unknown>;
}

export const STEP_FORMS: Readonly<Record<string, StepForm>> = {
  triage: {
    title: 'Triage the referral',
    dateField: 'triagedOn',
    audience: 'the SENCo',
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
    body: (f) =>
      definedFields({
        signedOn: dayOf(f, 'signedOn'),
        signedByChild: tickedOf(f, 'signedByChild'),
        signedByMentor: tickedOf(f, 'signedByMentor'),
        confidentialityExplained: tickedOf(f, 'confidentialityExplained'),
        documentRef: textOf(f, 'documentRef'),
      }),
  },
  sessions: {
    title: 'Record a session',
    dateField: 'heldOn',
    audience: 'the mentor',
    body: (f) => {
      const text = textOf(f, 'noteText');
      const source = textOf(f, 'noteSource');
      return definedFields({
        heldOn: dayOf(f, 'heldOn'),
        kind: textOf(f, 'kind'),
        attended: yesNoOf(f, 'attended'),
        durationMinutes: numberOf(f, 'durationMinutes'),
        // One note per session from the page; second-hand information says who told (Box 7).
        notes: text || source ? [definedFields({ text, source, toldBy: source === 'second-hand' ? textOf(f, 'toldBy') : undefined })] : [],
      });
    },
  },
};

/** The ids of the inputs an API field's error links to, when not the field's own name. */
export const anchorsOf = (form: StepForm): Record<string, string> => ({
  [form.dateField]: `${form.dateField}-day`,
  'notes[0].text': 'noteText',
  'notes[0].source': 'noteSource',
  'notes[0].toldBy': 'toldBy',
});
