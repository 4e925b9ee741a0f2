import { eventCatalogue, eventSchemas } from '../catalogue';
import { checkPayload, integer, list, nullable, optional, record, text } from './payload-shape';

const registered = {
  childId: 'c-1',
  givenName: 'Ada',
  familyName: 'Lovelace',
  dateOfBirth: '2015-03-01',
  schoolId: 'school-1',
  yearGroup: 5,
  flags: [],
};

describe('event payloads are checked against their catalogued shape before they are appended', () => {
  it('has a shape for every event type the platform stores', () => {
    expect(eventSchemas.filter((s) => !s.payload).map((s) => s.type)).toEqual([]);
  });

  it('accepts a payload that fits', () => {
    expect(eventCatalogue.check('ChildRegistered', registered)).toBeUndefined();
    expect(
      eventCatalogue.check('ChildDetailsCorrected', { childId: 'c-1', reason: 'typo', yearGroup: 6 }),
    ).toBeUndefined();
  });

  it('refuses a null where the shape has none, naming the field', () => {
    expect(
      eventCatalogue.check('ChildDetailsCorrected', { childId: 'c-1', reason: 'typo', yearGroup: null }),
    ).toMatchObject({ kind: 'invalid', field: 'yearGroup', rule: 'event.null' });
  });

  it('refuses a NUL character and a lone surrogate anywhere, and keeps a paired one', () => {
    expect(
      eventCatalogue.check('SharingApproved', {
        sharingId: 's',
        childId: 'c',
        approvedBy: { userId: 'u', role: 'dsl', agencyId: 'a' },
        discussion: 'a\u0000b',
        approvedAt: '2026-01-01T10:00:00Z',
      }),
    ).toMatchObject({ field: 'discussion', rule: 'event.malformed-text' });
    expect(checkPayload({ notes: list(record({ text })) }, { notes: [{ text: 'x\ud800' }] })).toMatchObject({
      field: 'notes[0].text',
    });
    expect(checkPayload({}, { extra: { deep: '\udc00' } })).toMatchObject({
      field: 'extra.deep',
      rule: 'event.malformed-text',
    });
    expect(checkPayload({ note: text }, { note: 'smile \ud83d\ude00' })).toBeUndefined();
  });

  it('refuses a wrong type, a missing required field and a number too big for the read model', () => {
    expect(eventCatalogue.check('ChildRegistered', { ...registered, yearGroup: '5' })).toMatchObject({
      field: 'yearGroup',
      rule: 'event.integer-required',
    });
    expect(eventCatalogue.check('ChildRegistered', { ...registered, schoolId: undefined })).toMatchObject({
      field: 'schoolId',
      rule: 'event.required',
    });
    expect(checkPayload({ n: integer }, { n: 2 ** 31 })).toMatchObject({ field: 'n' });
    expect(eventCatalogue.check('ChildRegistered', { ...registered, flags: ['martian'] })).toMatchObject({
      field: 'flags[0]',
      rule: 'event.not-allowed',
    });
  });

  it('lets a declared null and an absent optional field through', () => {
    expect(
      checkPayload({ basis: nullable(record({ kind: text })), note: optional(text) }, { basis: null }),
    ).toBeUndefined();
  });

  it('refuses values nested past any payload the deciders build', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(checkPayload({}, { deep })).toMatchObject({ rule: 'event.too-deep' });
  });
});
