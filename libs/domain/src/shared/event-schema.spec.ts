import { EventCatalogue } from './event-schema';

describe('event catalogue: a new shape is a new schema version with an upcaster', () => {
  const catalogue = new EventCatalogue([
    {
      type: 'ThingRecorded',
      schemaVersion: 3,
      personalFields: ['name'],
      upcasters: [
        { fromVersion: 1, up: (data) => ({ ...data, name: data.fullName, fullName: undefined }) },
        { fromVersion: 2, up: (data) => ({ ...data, agencyId: data.agencyId ?? 'unknown' }) },
      ],
    },
  ]);

  it('lifts a version 1 payload through every upcaster in order', () => {
    expect(catalogue.upcast('ThingRecorded', 1, { fullName: 'A' })).toEqual({
      name: 'A',
      fullName: undefined,
      agencyId: 'unknown',
    });
  });

  it('leaves a current payload as it is', () => {
    expect(catalogue.upcast('ThingRecorded', 3, { name: 'B', agencyId: 'mast' })).toEqual({
      name: 'B',
      agencyId: 'mast',
    });
  });

  it('refuses a stored version it has no upcaster for, rather than guessing', () => {
    const gap = new EventCatalogue([{ type: 'Gap', schemaVersion: 2, personalFields: [] }]);
    expect(() => gap.upcast('Gap', 1, {})).toThrow('No upcaster for Gap from version 1');
  });

  it('refuses the same type declared twice', () => {
    expect(
      () =>
        new EventCatalogue([
          { type: 'X', schemaVersion: 1, personalFields: [] },
          { type: 'X', schemaVersion: 1, personalFields: [] },
        ]),
    ).toThrow('declared twice');
  });
});
