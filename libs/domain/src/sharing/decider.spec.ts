import type { CoverageAnswer } from '../consent/coverage';
import type { Actor } from '../shared';
import { isDomainError, replay } from '../shared';
import { given } from '../testing/given';
import type { SharingCommand } from './commands';
import { sharingDecider } from './decider';
import type { SharingEvent } from './events';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from './vocabulary';

const mentor: Actor = { userId: 'mentor.oakfield', role: 'learning-mentor', agencyId: 'school-oakfield' };
const dsl: Actor = { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' };
const at = '2026-12-01T10:00:00Z';

const covered = (category: string, recipient = 'health'): CoverageAnswer =>
  ({
    covered: true,
    question: { purpose: 'information-sharing', agencyId: recipient, category, at },
    basis: 'consent',
    consentId: 'consent-1',
    giverKind: 'parent-carer',
  }) as CoverageAnswer;
const withdrawn = (category: string): CoverageAnswer =>
  ({
    covered: false,
    question: { purpose: 'information-sharing', agencyId: 'health', category, at },
    reason: 'withdrawn',
    consentId: 'consent-1',
    explanation: 'consent-1 was withdrawn on 2026-12-02',
  }) as CoverageAnswer;
const childRefuses = (category: string): CoverageAnswer =>
  ({
    covered: false,
    question: { purpose: 'information-sharing', agencyId: 'parent-carer', category, at },
    reason: 'child-refusal-binds',
    explanation: 'The competent child refused',
  }) as CoverageAnswer;

const propose = (recipient: { agencyId: string; userId?: string }, by: Actor = mentor): SharingCommand => ({
  type: 'ProposeSharing',
  sharingId: 's1',
  childId: 'c1',
  origin: 'proactive',
  purpose: 'Support for attendance and health needs',
  recipient: recipient as never,
  categories: ['attendance', 'health'],
  by,
  at,
});
const checklist: SharingCommand = {
  type: 'AnswerSharingChecklist',
  answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' as const })),
  by: mentor,
};
const decide = (overrides: Partial<Extract<SharingCommand, { type: 'DecideSharing' }>> = {}): SharingCommand => ({
  type: 'DecideSharing',
  outcome: 'share',
  items: [
    { record: 'mentor-case', fields: ['attendanceAtReferral'] },
    { record: 'caf-contribution', element: 'health', fields: ['text'] },
  ],
  reasons: 'The school nurse needs attendance and the health summary to plan support',
  redactions: ['Neighbour who reported concerns'],
  familyTold: { informed: true, how: 'Told the mother at the review meeting' },
  validUntil: '2027-01-31',
  coverage: [covered('attendance'), covered('health')],
  by: mentor,
  at,
  ...overrides,
});
const disclose = (
  overrides: Partial<Extract<SharingCommand, { type: 'MakeDisclosure' }>> = {},
): Extract<SharingCommand, { type: 'MakeDisclosure' }> => ({
  type: 'MakeDisclosure',
  disclosureId: 'd1',
  recipient: { agencyId: 'health', userId: 'practitioner.health' },
  items: [{ recordRef: 'mentor-case:r1', fields: ['attendanceAtReferral'] }],
  values: {
    'mentor-case:r1': {
      attendanceAtReferral: 81,
      behaviourAtReferral: 'Reported by the neighbour who reported concerns',
      exclusionsAtReferral: 2,
    },
  },
  channel: 'platform',
  coverage: [covered('attendance')],
  by: mentor,
  at: '2026-12-02T09:00:00Z',
  ...overrides,
});

/** The history of a stream built by deciding each command in turn: every step is itself checked. */
function history(...commands: SharingCommand[]): SharingEvent[] {
  const events: SharingEvent[] = [];
  for (const command of commands) {
    const outcome = sharingDecider.decide(command, replay(sharingDecider, events));
    if (isDomainError(outcome)) throw new Error(`${command.type}: ${outcome.rule}: ${outcome.message}`);
    events.push(...outcome);
  }
  return events;
}

const consentShared = () =>
  history(
    propose({ agencyId: 'health', userId: 'practitioner.health' }),
    {
      type: 'RecordLawfulBasis',
      basis: { kind: 'consent', coverage: [covered('attendance'), covered('health')] },
      by: mentor,
    },
    checklist,
    decide(),
  );

describe('sharing decisions and disclosures', () => {
  it('shares on consent, then a withdrawal blocks the next disclosure', () => {
    const events = given(sharingDecider, consentShared()).when(disclose()).events();
    expect(events[0]).toMatchObject({
      type: 'DisclosureMade',
      data: {
        basis: { kind: 'consent', consentIds: ['consent-1'] },
        content: [{ recordRef: 'mentor-case:r1', category: 'attendance', values: { attendanceAtReferral: 81 } }],
      },
    });
    const afterOne = [...consentShared(), ...events];
    const refused = given(sharingDecider, afterOne)
      .when(disclose({ disclosureId: 'd2', coverage: [withdrawn('attendance')] }))
      .thenError('sharing.consent-no-longer-covers');
    expect(refused.kind).toBe('forbidden');
    expect(refused.message).toMatch(/withdrawn/);
  });

  it('sends only the decided fields, with the identities of third parties redacted', () => {
    const [made] = given(sharingDecider, consentShared())
      .when(
        disclose({
          items: [
            { recordRef: 'mentor-case:r1', fields: ['attendanceAtReferral'] },
            { recordRef: 'caf-contribution:7', fields: ['text'] },
          ],
          values: {
            'mentor-case:r1': { attendanceAtReferral: 81 },
            'caf-contribution:7': {
              domain: 'development-of-the-child',
              element: 'health',
              text: 'Seen by the Neighbour who reported concerns; asthma',
            },
          },
          coverage: [covered('attendance'), covered('health')],
        }),
      )
      .events();
    expect(JSON.stringify(made.data)).not.toMatch(/neighbour who reported/i);
    expect((made.data as { content: Array<{ values: object }> }).content[1]).toEqual({
      recordRef: 'caf-contribution:7',
      category: 'health',
      values: { text: 'Seen by the [redacted]; asthma' },
    });
    given(sharingDecider, consentShared())
      .when(disclose({ values: {} }))
      .thenError('sharing.record-unknown');
  });

  it('refuses a disclosure beyond the decision: another agency, another field, or after it expires', () => {
    given(sharingDecider, consentShared())
      .when(disclose({ recipient: { agencyId: 'police' } }))
      .thenError('sharing.beyond-scope');
    given(sharingDecider, consentShared())
      .when(disclose({ items: [{ recordRef: 'mentor-case:r1', fields: ['sessionsAttended'] }] }))
      .thenError('sharing.beyond-scope');
    given(sharingDecider, consentShared())
      .when(disclose({ at: '2027-02-01T09:00:00Z' }))
      .thenError('sharing.decision-expired');
  });

  it("shares without consent on risk of significant harm only with a DSL's approval, recording why the family was not told", () => {
    const proposed = history(
      propose({ agencyId: 'social-care' }),
      {
        type: 'RecordLawfulBasis',
        basis: {
          kind: 'without-consent',
          ground: 'risk-of-significant-harm',
          justification: 'Bruising and disclosure by the child',
        },
        by: mentor,
      },
      checklist,
    );
    const notTold = { informed: false as const, reason: 'Telling the stepfather would put the child at risk' };
    given(sharingDecider, proposed)
      .when(decide({ familyTold: notTold, coverage: undefined }))
      .thenError('sharing.approval-required');
    given(sharingDecider, proposed)
      .when(decide({ familyTold: { informed: false, reason: '' } as never }))
      .thenError('sharing.not-telling-reason-required');
    const withApproval = [
      ...proposed,
      ...given(sharingDecider, proposed)
        .when({ type: 'ApproveSharing', discussion: 'Discussed at 10:15; agreed referral today', by: dsl, at })
        .events(),
    ];
    const [decided] = given(sharingDecider, withApproval)
      .when(decide({ familyTold: notTold, coverage: undefined }))
      .events();
    expect(decided).toMatchObject({
      type: 'SharingDecided',
      data: { familyTold: notTold, basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' } },
    });
  });

  it('does not let the proposer approve their own proposal, nor anyone but a DSL or head teacher', () => {
    const proposedByDsl = history(propose({ agencyId: 'social-care' }, dsl));
    expect(
      given(sharingDecider, proposedByDsl)
        .when({ type: 'ApproveSharing', discussion: 'Self-approval', by: dsl, at })
        .thenError('sharing.approver-is-proposer').kind,
    ).toBe('forbidden');
    given(sharingDecider, history(propose({ agencyId: 'social-care' })))
      .when({ type: 'ApproveSharing', discussion: 'x', by: mentor, at })
      .thenError('sharing.approver-role');
  });

  it("a competent child's refusal blocks sharing with the parent, but not a statutory disclosure to social care", () => {
    const toParent = history(propose({ agencyId: 'parent-carer' }));
    given(sharingDecider, toParent)
      .when({
        type: 'RecordLawfulBasis',
        basis: { kind: 'consent', coverage: [childRefuses('attendance'), childRefuses('health')] },
        by: mentor,
      })
      .thenError('sharing.consent-does-not-cover');

    const statutory = history(
      propose({ agencyId: 'social-care' }),
      {
        type: 'RecordLawfulBasis',
        basis: { kind: 'without-consent', ground: 'statutory-function', justification: 'Section 47 enquiry' },
        by: mentor,
      },
      checklist,
      { type: 'ApproveSharing', discussion: 'Agreed: statutory enquiry', by: dsl, at },
      decide({ coverage: undefined, familyTold: { informed: true, how: 'The child was told by the DSL' } }),
    );
    const [made] = given(sharingDecider, statutory)
      .when(disclose({ recipient: { agencyId: 'social-care' }, coverage: undefined }))
      .events();
    expect(made).toMatchObject({
      type: 'DisclosureMade',
      data: { basis: { kind: 'without-consent', ground: 'statutory-function' } },
    });
  });

  it('records a decision not to share exactly like one to share, and discloses nothing under it', () => {
    const refusedShare = history(
      propose({ agencyId: 'police' }),
      checklist,
      decide({ outcome: 'refuse', items: [], reasons: 'Not necessary or proportionate', coverage: undefined }),
    );
    expect(refusedShare.at(-1)).toMatchObject({
      type: 'SharingDecided',
      data: { outcome: 'refuse', reasons: 'Not necessary or proportionate', basis: null },
    });
    given(sharingDecider, refusedShare)
      .when(disclose({ recipient: { agencyId: 'police' } }))
      .thenError('sharing.not-approved');
    given(sharingDecider, history(propose({ agencyId: 'police' })))
      .when(decide({ outcome: 'refuse', items: [] }))
      .thenError('sharing.checklist-incomplete');
  });

  it('sends a correction notice to every earlier recipient of the corrected record', () => {
    const correct: SharingCommand = {
      type: 'IssueCorrectionNotices',
      correctionId: 'fix-1',
      recordRef: 'mentor-case:r1',
      corrected: { attendanceAtReferral: 91, exclusionsAtReferral: 0 },
      reason: 'Register was wrong',
      by: mentor,
      at: '2026-12-05T09:00:00Z',
    };
    const twoDisclosures = [...consentShared(), ...given(sharingDecider, consentShared()).when(disclose()).events()];
    const second = given(sharingDecider, twoDisclosures)
      .when(
        disclose({
          disclosureId: 'd2',
          recipient: { agencyId: 'health', userId: 'practitioner.health' },
          channel: 'secure-email',
        }),
      )
      .events();
    const notices = given(sharingDecider, [...twoDisclosures, ...second])
      .when(correct)
      .events();
    expect(notices.map((n) => [n.type, (n.data as { disclosureId: string }).disclosureId])).toEqual([
      ['CorrectionNoticeIssued', 'd1'],
      ['CorrectionNoticeIssued', 'd2'],
    ]);
    // Only the fields a recipient received: the exclusions were never sent, so they are not in the notice.
    expect(notices[0].data).toMatchObject({
      noticeId: 'fix-1:d1',
      category: 'attendance',
      corrected: { attendanceAtReferral: 91 },
    });
    expect(notices[0].data).not.toHaveProperty('corrected.exclusionsAtReferral');
    // Asked again, nothing is sent twice.
    given(sharingDecider, [...twoDisclosures, ...second, ...notices])
      .when(correct)
      .then([]);
    given(sharingDecider, twoDisclosures)
      .when({ ...correct, recordRef: 'caf:other' })
      .thenError('sharing.record-not-disclosed');
  });

  it('records a "no" on the checklist only with its reason', () => {
    const no = {
      type: 'AnswerSharingChecklist' as const,
      answers: [{ item: 'informed-consent-obtained' as const, answer: 'no' as const }],
      by: mentor,
    };
    expect(
      given(sharingDecider, history(propose({ agencyId: 'social-care' })))
        .when(no)
        .thenError('sharing.no-needs-a-note').field,
    ).toBe('answers[0].note');
    given(sharingDecider, history(propose({ agencyId: 'social-care' })))
      .when({ ...no, answers: [{ ...no.answers[0], note: 'Asking would put the child at risk' }] })
      .events();
  });

  it('names the field of bad input', () => {
    expect(
      given(sharingDecider, [])
        .when({ ...propose({ agencyId: 'health' }), categories: ['shoe-size'] } as never)
        .thenError('sharing.categories').field,
    ).toBe('categories');
    expect(
      given(sharingDecider, history(propose({ agencyId: 'health' })))
        .when({
          type: 'RecordLawfulBasis',
          basis: { kind: 'without-consent', ground: 'curiosity', justification: 'x' } as never,
          by: mentor,
        })
        .thenError('sharing.ground').field,
    ).toBe('basis.ground');
  });
});
