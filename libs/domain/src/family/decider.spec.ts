import { eventCatalogue } from '../catalogue';
import { given } from '../testing/given';
import { familyDecider } from './decider';
import type { LinkFamilyMember, UnlinkFamilyMember } from './commands';
import type { FamilyEvent } from './events';

const dsl = { userId: 'dsl.oakfield', role: 'dsl' };
const evidence = {
  checked: ['parental-responsibility', 'admission-form'] as const,
  documentRef: 'admission-form-2024-113',
  checkedOn: '2026-11-20',
};

const linkParent = (overrides: Partial<LinkFamilyMember> = {}): LinkFamilyMember => ({
  type: 'LinkFamilyMember',
  childId: 'child-1',
  linkId: 'link-1',
  userId: 'parent.demo',
  kind: 'parent-carer',
  relationship: 'mother',
  evidence: { ...evidence, checked: [...evidence.checked] },
  linkedOn: '2026-11-23',
  linkedBy: dsl,
  ...overrides,
});
const linkYoungPerson = (overrides: Partial<LinkFamilyMember> = {}): LinkFamilyMember =>
  linkParent({
    linkId: 'link-2',
    userId: 'young.person',
    kind: 'young-person',
    relationship: undefined,
    evidence: { checked: ['identity-in-person'], documentRef: 'pupil-record-check', checkedOn: '2026-11-23' },
    ...overrides,
  });
const unlink = (overrides: Partial<UnlinkFamilyMember> = {}): UnlinkFamilyMember => ({
  type: 'UnlinkFamilyMember',
  childId: 'child-1',
  linkId: 'link-1',
  reason: 'Court order: no contact with the child from 2026-11-30',
  unlinkedOn: '2026-11-30',
  unlinkedBy: dsl,
  ...overrides,
});

const parentLinked: FamilyEvent = {
  type: 'FamilyMemberLinked',
  data: {
    linkId: 'link-1',
    childId: 'child-1',
    userId: 'parent.demo',
    kind: 'parent-carer',
    relationship: 'mother',
    evidence: { ...evidence, checked: [...evidence.checked] },
    linkedOn: '2026-11-23',
    linkedBy: dsl,
  },
};
const parentUnlinked: FamilyEvent = {
  type: 'FamilyMemberUnlinked',
  data: {
    linkId: 'link-1',
    childId: 'child-1',
    userId: 'parent.demo',
    reason: 'Court order: no contact with the child from 2026-11-30',
    unlinkedOn: '2026-11-30',
    unlinkedBy: dsl,
  },
};

describe('family links (family-{childId}): the school links a family account to a child on evidence', () => {
  it('links a parent whose parental responsibility the school checked, with what it checked and where it is kept', () => {
    given(familyDecider, []).when(linkParent()).then([parentLinked]);
  });

  it('links the young person, seen in person, with no relationship to name', () => {
    const [event] = given(familyDecider, [parentLinked]).when(linkYoungPerson()).events();
    expect(event).toMatchObject({ type: 'FamilyMemberLinked', data: { userId: 'young.person', kind: 'young-person' } });
    expect(event.data).not.toHaveProperty('relationship');
  });

  it('refuses a parent link without parental responsibility checked, naming evidence.checked', () => {
    const error = given(familyDecider, [])
      .when(linkParent({ evidence: { ...evidence, checked: ['admission-form'] } }))
      .thenError('family.parental-responsibility-unchecked');
    expect(error).toMatchObject({ kind: 'invalid', field: 'evidence.checked' });
  });

  it('refuses a young-person link without the school seeing them in person', () => {
    given(familyDecider, [])
      .when(linkYoungPerson({ evidence: { ...evidence, checked: ['admission-form'] } }))
      .thenError('family.identity-unchecked');
  });

  it.each([
    ['relationship', linkParent({ relationship: 'neighbour' })],
    ['relationship', linkYoungPerson({ relationship: 'mother' })],
    ['evidence.checked', linkParent({ evidence: { ...evidence, checked: [] } })],
    [
      'evidence.checked[1]',
      linkParent({ evidence: { ...evidence, checked: ['parental-responsibility', 'gut-feeling' as never] } }),
    ],
    ['evidence.documentRef', linkParent({ evidence: { ...evidence, documentRef: ' ' } })],
    ['evidence.checkedOn', linkParent({ evidence: { ...evidence, checkedOn: '2026-11-31' } })],
    ['evidence.checkedOn', linkParent({ evidence: { ...evidence, checkedOn: '2026-11-24' } })],
    ['kind', linkParent({ kind: 'uncle' as never })],
    ['linkedOn', linkParent({ linkedOn: 'yesterday' })],
  ])('refuses bad input naming %s', (field, command) => {
    const outcome = familyDecider.decide(command, familyDecider.initialState);
    expect(outcome).toMatchObject({ kind: 'invalid', field });
  });

  it('refuses to link an account already linked to the child (409)', () => {
    expect(
      given(familyDecider, [parentLinked])
        .when(linkParent({ linkId: 'link-3' }))
        .thenError('family.already-linked').kind,
    ).toBe('conflict');
  });

  it('links only one young-person account per child: only the child speaks as the child', () => {
    given(familyDecider, [given(familyDecider, []).when(linkYoungPerson()).events()[0]])
      .when(linkYoungPerson({ linkId: 'link-9', userId: 'someone.else' }))
      .thenError('family.young-person-already-linked');
  });

  it('unlinks with the reason, naming the account the link was for', () => {
    given(familyDecider, [parentLinked]).when(unlink()).then([parentUnlinked]);
  });

  it('relinks after an unlinking, on fresh evidence', () => {
    const [event] = given(familyDecider, [parentLinked, parentUnlinked])
      .when(linkParent({ linkId: 'link-4', linkedOn: '2026-12-01' }))
      .events();
    expect(event.type).toBe('FamilyMemberLinked');
  });

  it('refuses an unlinking without a reason, before the link, of an unknown or ended link', () => {
    expect(
      given(familyDecider, [parentLinked])
        .when(unlink({ reason: '' }))
        .thenError('value.text-required').field,
    ).toBe('reason');
    expect(
      given(familyDecider, [parentLinked])
        .when(unlink({ unlinkedOn: '2026-11-01' }))
        .thenError('date.before-preceding-act').field,
    ).toBe('unlinkedOn');
    given(familyDecider, [parentLinked])
      .when(unlink({ linkId: 'link-x' }))
      .thenError('family.link-unknown');
    given(familyDecider, [parentLinked, parentUnlinked]).when(unlink()).thenError('family.already-unlinked');
  });

  it('is in the event catalogue with a shape every event it decides fits, the evidence and the reason sealed', () => {
    expect(eventCatalogue.check(parentLinked.type, parentLinked.data as never)).toBeUndefined();
    expect(eventCatalogue.check(parentUnlinked.type, parentUnlinked.data as never)).toBeUndefined();
    expect(eventCatalogue.personalFields('FamilyMemberLinked')).toEqual(['evidence']);
    expect(eventCatalogue.personalFields('FamilyMemberUnlinked')).toEqual(['reason']);
  });
});
