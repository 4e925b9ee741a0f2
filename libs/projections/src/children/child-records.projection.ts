import type { EntityManager } from 'typeorm';
import type { ChildDetails } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild } from '../erasure/forget';
import { type Assignments, type ColumnOf, insertNewRows, updateRows } from '../runtime/row-sets';

type Changes = Partial<ChildDetails>;

const TABLE = 'read_models.child_records';
const KEY: ColumnOf = { name: 'child_id', type: 'text' };
const COLUMNS: readonly ColumnOf[] = [
  { name: 'given_name', type: 'text' },
  { name: 'family_name', type: 'text' },
  { name: 'date_of_birth', type: 'date' },
  { name: 'upn', type: 'text' },
  { name: 'school_id', type: 'text' },
  { name: 'year_group', type: 'integer' },
  { name: 'flags', type: 'text[]' },
  { name: 'revision', type: 'bigint' },
  { name: 'erased', type: 'boolean' },
  { name: 'registered_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];
/** What a new row holds in the columns its registration does not name (the table's defaults). */
const NEW_ROW: Assignments = new Map<string, unknown>([
  ['given_name', null],
  ['family_name', null],
  ['date_of_birth', null],
  ['upn', null],
  ['flags', []],
  ['erased', false],
]);

const PERSONAL = {
  givenName: 'given_name',
  familyName: 'family_name',
  dateOfBirth: 'date_of_birth',
  upn: 'upn',
} as const;

/** The personal columns an event names: null once their key is erased. */
const personalColumns = (data: Changes, erased: readonly string[]): Array<[string, unknown]> =>
  Object.entries(PERSONAL).flatMap(([field, column]): Array<[string, unknown]> =>
    erased.includes(field)
      ? [[column, null]]
      : field in data
        ? [[column, data[field as keyof typeof PERSONAL] ?? null]]
        : [],
  );

/** The row an event is about, whether it may create it, and the columns it sets. */
function assignmentsOf(event: RecordedEvent): { childId: string; creates: boolean; set: Array<[string, unknown]> } {
  if (event.type === CHILD_RECORD_ERASED) {
    // The revision stays: it is the child stream's, which If-Match is checked against.
    return {
      childId: erasedChild(event),
      creates: false,
      set: [
        ...Object.values(PERSONAL).map((c): [string, unknown] => [c, null]),
        ['erased', true],
        ['updated_at', event.occurredAt],
      ],
    };
  }
  const data = event.data as Changes & { childId: string };
  const erased = event.erasedFields ?? [];
  const common: Array<[string, unknown]> = [
    ['revision', event.revision.toString()],
    ['updated_at', event.occurredAt],
    ['erased', erased.length > 0],
  ];
  if (event.type === 'ChildRegistered') {
    return {
      childId: data.childId,
      creates: true,
      set: [
        ...personalColumns(data, erased),
        ['school_id', data.schoolId],
        ['year_group', data.yearGroup],
        ['flags', [...(data.flags ?? [])]],
        ['registered_at', event.occurredAt],
        ...common,
      ],
    };
  }
  // A school move carries the new school, not the record's fields: the pupil record moves with it.
  if (event.type === 'SchoolMoveRecorded') {
    return {
      childId: data.childId,
      creates: false,
      set: [
        ['school_id', (event.data as { toSchoolId: string }).toSchoolId],
        ['revision', event.revision.toString()],
        ['updated_at', event.occurredAt],
      ],
    };
  }
  const { schoolId, yearGroup, flags } = data;
  return {
    childId: data.childId,
    creates: false,
    set: [
      ...personalColumns(data, erased),
      ...(schoolId !== undefined ? [['school_id', schoolId] as [string, unknown]] : []),
      ...(yearGroup !== undefined ? [['year_group', yearGroup] as [string, unknown]] : []),
      ...(flags !== undefined ? [['flags', [...flags]] as [string, unknown]] : []),
      ...common,
    ],
  };
}

/**
 * A batch in three statements, whatever its size. Events are folded per child in log order:
 * what comes before the child's registration in the batch can only change a row that already
 * exists (an UPDATE); the registration inserts the row unless it exists, and what follows it
 * is folded into that row. Registrations of rows that did exist become updates.
 */
async function applyInSets(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const before = new Map<string, Map<string, unknown>>();
  const registered = new Map<string, Map<string, unknown>>();
  for (const event of events) {
    const { childId, creates, set } = assignmentsOf(event);
    if (creates && !registered.has(childId)) registered.set(childId, new Map());
    const row = registered.get(childId) ?? before.get(childId) ?? before.set(childId, new Map()).get(childId)!;
    for (const [column, value] of set) row.set(column, value);
  }
  await updateRows(manager, TABLE, KEY, COLUMNS, before);
  const inserted = await insertNewRows(
    manager,
    TABLE,
    KEY,
    COLUMNS,
    new Map([...registered].map(([id, set]) => [id, new Map([...NEW_ROW, ...set])])),
  );
  await updateRows(manager, TABLE, KEY, COLUMNS, new Map([...registered].filter(([id]) => !inserted.has(id))));
}

export const childRecordsProjection: Projection = {
  name: 'child-records',
  eventTypes: ['ChildRegistered', 'ChildDetailsCorrected', 'SchoolMoveRecorded', CHILD_RECORD_ERASED],
  tables: ['child_records'],
  perChild: true,
  apply: (event, manager) => applyInSets([event], manager),
  applyBatch: applyInSets,
};
