import type { CoverageAnswer } from '../consent/coverage';
import { eventCatalogue } from '../catalogue';
import { CAF_ELEMENTS, CAF_ELEMENT_CATEGORIES } from '../caf/vocabulary';
import { MAST_REQUEST_CATEGORIES } from '../mast-request/commands';
import { type Actor, INFORMATION_CATEGORIES, isDomainError, replay } from '../shared';
import { given } from '../testing/given';
import type { DecideSharing, MakeDisclosure, SharingCommand } from './commands';
import { sharingDecider } from './decider';
import type { SharingEvent } from './events';
import { DISCLOSABLE_RECORDS, categoriesOfFields, fieldsOf } from './field-catalogue';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from './vocabulary';

const mentor: Actor = { userId: 'mentor.oakfield', role: 'learning-mentor', agencyId: 'school-oakfield' };
const at = '2026-12-01T10:00:00Z';
const covered = (category: string): CoverageAnswer =>
  ({
    covered: true,
    question: { purpose: 'information-sharing', agencyId: 'health', category, at },
    basis: 'consent',
    consentId: 'consent-1',
    giverKind: 'parent-carer',
  }) as CoverageAnswer;
const notCovered = (category: string): CoverageAnswer =>
  ({
    covered: false,
    question: { purpose: 'information-sharing', agencyId: 'health', category, at },
    reason: 'no-consent',
    explanation: `no consent covers information-sharing with health on ${category}`,
  }) as CoverageAnswer;

/** The platform's answers for whatever categories a step asks about; only these are consented. */
const consentTo = (...categories: string[]) =>
  INFORMATION_CATEGORIES.map((c) => (categories.includes(c) ? covered(c) : notCovered(c)));

const mentorCase = {
  attendanceAtReferral: 81,
  behaviourAtReferral: 'Four detentions this half term',
  exclusionsAtReferral: 2,
  sessionsAttended: 5,
};

const decide = (items: DecideSharing['items'], consented = consentTo('attendance')): SharingCommand => ({
  type: 'DecideSharing',
  outcome: 'share',
  items,
  reasons: 'The school nurse plans support around attendance',
  redactions: [],
  familyTold: { informed: true, how: 'Told the mother' },
  validUntil: '2027-01-31',
  coverage: consented,
  by: mentor,
  at,
});
const disclose = (
  items: MakeDisclosure['items'],
  values: MakeDisclosure['values'] = { 'mentor-case:r1': mentorCase },
  consented = consentTo('attendance'),
): SharingCommand => ({
  type: 'MakeDisclosure',
  disclosureId: 'd1',
  recipient: { agencyId: 'health' },
  items,
  values,
  channel: 'platform',
  coverage: consented,
  by: mentor,
  at: '2026-12-02T09:00:00Z',
});

function history(...commands: SharingCommand[]): SharingEvent[] {
  const events: SharingEvent[] = [];
  for (const command of commands) {
    const outcome = sharingDecider.decide(command, replay(sharingDecider, events));
    if (isDomainError(outcome)) throw new Error(`${command.type}: ${outcome.rule}: ${outcome.message}`);
    events.push(...outcome);
  }
  return events;
}

/** Proposed to health on these categories, consent recorded on them, checklist answered. */
const proposed = (categories: string[]) =>
  history(
    {
      type: 'ProposeSharing',
      sharingId: 's1',
      childId: 'c1',
      origin: 'proactive',
      purpose: 'Support for attendance',
      recipient: { agencyId: 'health' },
      categories: categories as never,
      by: mentor,
      at,
    },
    { type: 'RecordLawfulBasis', basis: { kind: 'consent', coverage: categories.map(covered) }, by: mentor },
    {
      type: 'AnswerSharingChecklist',
      answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' as const })),
      by: mentor,
    },
  );

/** Proposed, then decided with these items under consent to these categories. */
const decidedOn = (categories: string[], items: DecideSharing['items']) => {
  const before = proposed(categories);
  return [
    ...before,
    ...given(sharingDecider, before)
      .when(decide(items, consentTo(...categories)))
      .events(),
  ];
};
/** Consent and the decision cover attendance only. */
const attendanceDecided = () =>
  decidedOn(['attendance'], [{ record: 'mentor-case', fields: ['attendanceAtReferral'] }]);

describe("the field catalogue: the category of disclosed information is the platform's", () => {
  it('gives every field of every record kind exactly one category, and every CAF element one', () => {
    for (const record of DISCLOSABLE_RECORDS) {
      for (const field of fieldsOf(record)) {
        const byCategory = categoriesOfFields(record, [field], 'learning', { at: 'items[0]', recordField: 'record' });
        expect(isDomainError(byCategory) ? byCategory.message : [...byCategory.keys()]).toHaveLength(1);
      }
    }
    for (const element of Object.values(CAF_ELEMENTS).flat())
      expect(INFORMATION_CATEGORIES).toContain(CAF_ELEMENT_CATEGORIES[element]);
  });

  it('asks consent for a MAST request on the categories its catalogued fields carry', () => {
    const carried = fieldsOf('mast-request').map(
      (field) =>
        [
          ...(
            categoriesOfFields('mast-request', [field], undefined, { at: 'request', recordField: 'record' }) as Map<
              string,
              string[]
            >
          ).keys(),
        ][0],
    );
    expect([...MAST_REQUEST_CATEGORIES].sort()).toEqual([...new Set(carried)].sort());
  });

  it('refuses behaviour and exclusion fields labelled attendance under a consent to attendance only (the attack it was built against)', () => {
    const refused = given(sharingDecider, attendanceDecided())
      .when(
        disclose([
          {
            recordRef: 'mentor-case:r1',
            category: 'attendance',
            fields: ['behaviourAtReferral', 'exclusionsAtReferral'],
          },
        ]),
      )
      .thenError('sharing.beyond-scope');
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toMatch(/behaviourAtReferral is behaviour/);
  });

  it('refuses a decision whose fields are of a category not proposed, whatever they are labelled', () => {
    const refused = given(sharingDecider, proposed(['attendance']))
      .when(
        decide([
          { record: 'mentor-case', category: 'attendance', fields: ['attendanceAtReferral', 'exclusionsAtReferral'] },
        ]),
      )
      .thenError('sharing.items-beyond-request');
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toMatch(/exclusionsAtReferral is behaviour/);
  });

  it("asks consent for the catalogue's categories: proposed, but not consented, is refused", () => {
    const refused = given(sharingDecider, proposed(['attendance', 'behaviour']))
      .when(
        decide(
          [{ record: 'mentor-case', fields: ['attendanceAtReferral', 'behaviourAtReferral'] }],
          consentTo('attendance'),
        ),
      )
      .thenError('sharing.consent-no-longer-covers');
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toMatch(/behaviour/);
  });

  it("records the decision one item per kind of record and category, in the catalogue's words", () => {
    const [decided] = given(sharingDecider, proposed(['attendance', 'behaviour']))
      .when(
        decide(
          [{ record: 'mentor-case', fields: ['attendanceAtReferral', 'behaviourAtReferral', 'exclusionsAtReferral'] }],
          consentTo('attendance', 'behaviour'),
        ),
      )
      .events();
    expect(decided.data).toMatchObject({
      items: [
        { record: 'mentor-case', category: 'attendance', fields: ['attendanceAtReferral'] },
        { record: 'mentor-case', category: 'behaviour', fields: ['behaviourAtReferral', 'exclusionsAtReferral'] },
      ],
    });
  });

  it('answers 400 naming an unknown field, an unknown kind of record, or a label that contradicts the catalogue', () => {
    const unknown = given(sharingDecider, proposed(['attendance']))
      .when(decide([{ record: 'mentor-case', fields: ['attendanceAtReferral', 'shoeSize'] }]))
      .thenError('sharing.field-unknown');
    expect([unknown.kind, unknown.field]).toEqual(['invalid', 'items[0].fields[1]']);
    expect(unknown.message).toMatch(/shoeSize/);
    expect(
      given(sharingDecider, attendanceDecided())
        .when(disclose([{ recordRef: 'mentor-case:r1', fields: ['address'] }]))
        .thenError('sharing.field-unknown').field,
    ).toBe('items[0].fields[0]');
    expect(
      given(sharingDecider, attendanceDecided())
        .when(disclose([{ recordRef: 'gp-notes:r1', fields: ['summary'] }]))
        .thenError('sharing.record-kind').field,
    ).toBe('items[0].recordRef');
    const mislabelled = given(sharingDecider, attendanceDecided())
      .when(disclose([{ recordRef: 'mentor-case:r1', category: 'health', fields: ['attendanceAtReferral'] }]))
      .thenError('sharing.category-mislabelled');
    expect([mislabelled.kind, mislabelled.field]).toEqual(['invalid', 'items[0].category']);
    expect(mislabelled.message).toMatch(/attendanceAtReferral is attendance/);
    // A label that agrees with the catalogue is no fault.
    given(sharingDecider, attendanceDecided())
      .when(disclose([{ recordRef: 'mentor-case:r1', category: 'attendance', fields: ['attendanceAtReferral'] }]))
      .events();
  });

  it("takes a CAF contribution's category from its element, read by the platform", () => {
    const decided = decidedOn(['health'], [{ record: 'caf-contribution', element: 'health', fields: ['text'] }]);
    const values = {
      'caf-contribution:7': {
        domain: 'development-of-the-child',
        element: 'behavioural-development',
        text: 'Hits out when frustrated',
      },
    };
    const refused = given(sharingDecider, decided)
      .when(
        disclose(
          [{ recordRef: 'caf-contribution:7', category: 'health', fields: ['text'] }],
          values,
          consentTo('health'),
        ),
      )
      .thenError('sharing.beyond-scope');
    expect(refused.message).toMatch(/text is behaviour/);
    const health = {
      'caf-contribution:8': {
        domain: 'development-of-the-child',
        element: 'health',
        text: 'Asthma, inhaler in the office',
      },
    };
    const [made] = given(sharingDecider, decided)
      .when(disclose([{ recordRef: 'caf-contribution:8', fields: ['text'] }], health, consentTo('health')))
      .events();
    expect(made.data).toMatchObject({
      items: [{ recordRef: 'caf-contribution:8', category: 'health', fields: ['text'] }],
    });
    expect(
      given(sharingDecider, proposed(['health']))
        .when(decide([{ record: 'caf-contribution', fields: ['text'] }], consentTo('health')))
        .thenError('sharing.caf-element').field,
    ).toBe('items[0].element');
  });

  it('discloses each category of a record on its own, and each record once', () => {
    const both = decidedOn(
      ['attendance', 'behaviour'],
      [{ record: 'mentor-case', fields: ['attendanceAtReferral', 'behaviourAtReferral'] }],
    );
    const consented = consentTo('attendance', 'behaviour');
    given(sharingDecider, both)
      .when(
        disclose(
          [{ recordRef: 'mentor-case:r1', fields: ['attendanceAtReferral', 'behaviourAtReferral'] }],
          undefined,
          consented,
        ),
      )
      .thenError('sharing.one-category-per-record');
    given(sharingDecider, both)
      .when(
        disclose(
          [
            { recordRef: 'mentor-case:r1', fields: ['attendanceAtReferral'] },
            { recordRef: 'mentor-case:r1', fields: ['behaviourAtReferral'] },
          ],
          undefined,
          consented,
        ),
      )
      .thenError('sharing.record-named-twice');
  });

  it('reads a decision of schema 1 as naming no kind of record, its items as decided', () => {
    const stored = { sharingId: 's1', items: [{ category: 'attendance', fields: ['attendanceAtReferral'] }] };
    expect(eventCatalogue.upcast('SharingDecided', 1, stored)).toEqual({
      sharingId: 's1',
      items: [{ record: null, category: 'attendance', fields: ['attendanceAtReferral'] }],
    });
    expect(eventCatalogue.currentVersion('SharingDecided')).toBe(2);
  });
});
