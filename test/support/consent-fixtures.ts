/** A mother's written consent to learning-mentor support at Oakfield, as the school records it. */
export const parentalConsent = {
  decision: 'given',
  giver: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
  informed: {
    purpose: 'Learning mentor support for attendance and confidence',
    use: 'Planning and reviewing one-to-one mentoring',
    recipients: 'Oakfield Primary learning mentor team',
    retention: 'Until the case closes plus six years',
  },
  scope: { purposes: ['learning-mentor-support'], recipients: ['school-oakfield'], categories: ['education', 'attendance', 'behaviour'] },
  evidence: { form: 'written', documentRef: 'consent-form-2026-041' },
  decidedOn: '2026-09-07',
  expiresOn: '2027-07-23',
};
