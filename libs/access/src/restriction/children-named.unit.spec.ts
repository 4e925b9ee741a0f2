import { childrenNamedIn, withoutChildren } from './children-named';

describe('what an answer names of children', () => {
  const answer = {
    panel: { panelDate: '2026-12-09', heldOver: ['request-2'] },
    items: [
      { requestId: 'request-1', childId: 'ellis', decision: { outcome: 'accept' } },
      { requestId: 'request-2', childId: 'noah' },
      { mentorId: 'mentor', cases: [{ referralId: 'r-1', childId: 'ellis' }], count: 2 },
    ],
  };

  it('finds every child, at any depth, once', () => {
    expect(childrenNamedIn(answer).sort()).toEqual(['ellis', 'noah']);
    expect(childrenNamedIn('<html>')).toEqual([]);
  });

  it('leaves out the whole list entry that names a hidden child, however deep, and keeps the rest', () => {
    expect(withoutChildren(answer, new Set(['ellis']))).toEqual({
      value: {
        panel: answer.panel,
        items: [
          { requestId: 'request-2', childId: 'noah' },
          { mentorId: 'mentor', cases: [], count: 2 },
        ],
      },
    });
  });

  it('cannot trim an answer that is itself about a hidden child: the caller refuses it', () => {
    expect(withoutChildren({ childId: 'ellis', disclosures: [] }, new Set(['ellis']))).toBeNull();
    expect(withoutChildren({ child: { childId: 'ellis' } }, new Set(['ellis']))).toBeNull();
  });

  it('hides nothing when no child is hidden', () => {
    expect(withoutChildren(answer, new Set())).toEqual({ value: answer });
  });
});
