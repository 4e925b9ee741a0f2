import { schoolOfRecord } from './children.policies';
import { allow, deny, type Policy } from './policy';

/** The safeguarding leads of a school: they send, receive and read a child-protection file. */
const LEADS = ['dsl', 'head-teacher'];
/** The step the leaving school takes; every other step on a move is the new school's. */
const SENDING_STEP = 'child-protection-file-sent';

type Side = 'leaving' | 'receiving';
/** A basis for the access log (and the view the requester gets), or why not. */
type Verdict = { readonly basis: string; readonly view?: ChildProtectionFileView } | { readonly refused: string };

/** The leaving school sees what it recorded itself; the new school the whole file it received. */
export type ChildProtectionFileView = 'recorded-it' | 'received';

/** `current`: the child is at the requester's school now. */
const onTheMove = (
  name: string,
  verdict: (side: Side, school: string, step: string | undefined, received: boolean, current: boolean) => Verdict,
): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, facts }) {
    const move = await facts.moveOf(params.moveId);
    if (!move) return deny('no relationship to this school move');
    const side: Side | null =
      actor.agencyId === move.fromSchoolId ? 'leaving' : actor.agencyId === move.toSchoolId ? 'receiving' : null;
    if (!side || !LEADS.includes(actor.role))
      return deny(`${name} is for the DSL or head teacher of the school the child left or joined`, move.childId);
    const found = verdict(
      side,
      actor.agencyId,
      params.step,
      move.received,
      (await facts.schoolOfChild(move.childId)) === actor.agencyId,
    );
    return 'basis' in found ? allow(found.basis, move.childId, found.view) : deny(found.refused, move.childId);
  },
});

export const schoolMovePolicies = {
  /** The leaving school records the move: those who may correct the pupil record there. */
  record: schoolOfRecord('school-move.record', ['senco', 'dsl', 'head-teacher']),
  /** The move itself (schools, day, reason, the file's clocks): both schools' leads. */
  read: onTheMove('school-move.read', (side, school) => ({ basis: `${side}-school:${school}` })),
  /** `child-protection-file-sent` by the leaving school's lead; `child-protection-file-received` by the new school's. */
  step: onTheMove('school-move.step', (side, school, step) => {
    if ((step === SENDING_STEP) === (side === 'leaving')) return { basis: `${side}-school:${school}` };
    return {
      refused:
        step === SENDING_STEP
          ? 'the school the child left sends its child-protection file'
          : 'the new school confirms receipt of the child-protection file',
    };
  }),
  /**
   * The file's records: the leaving school reads what it recorded itself ("recorded it",
   * logged as such), and so does a new school the child has since left; the new school
   * reads all of it from the day its DSL confirms receipt.
   */
  file: onTheMove('school-move.child-protection-file', (side, school, _step, received, current) => {
    if (side === 'leaving' || !current) return { basis: `recorded-it:${school}`, view: 'recorded-it' };
    return received
      ? { basis: `received-child-protection-file:${school}`, view: 'received' }
      : { refused: 'the new school reads the child-protection file once its DSL has confirmed receipt' };
  }),
  /** A school's list of the files it sends and receives, with their clocks: its leads. */
  transfers: {
    name: 'school-move.transfers',
    childLevel: true,
    async decide({ actor, params }) {
      if (!LEADS.includes(actor.role)) return deny('school-move.transfers is for dsl, head-teacher');
      if (params.schoolId !== actor.agencyId) return deny('a school sees its own transfers only');
      return allow(`safeguarding-lead:${actor.agencyId}`);
    },
  } satisfies Policy,
};
