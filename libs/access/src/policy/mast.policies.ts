import type { Role } from '../directory/roles';
import { allow, deny, namedInBody, type Policy, roleIn, unnamed } from './policy';

const MAST_TEAM: readonly Role[] = ['mast-coordinator', 'panel-member'];

/** Reading lists that name children (agenda, decision log, deadlines): each read is logged. */
const mastTeamReads = (name: string): Policy => ({ ...roleIn(name, MAST_TEAM), childLevel: true });

/** One request: MAST's co-ordinator, panel members once it is listed for a panel, the allocated worker, and the requesting school's staff. */
const onTheRequest = (name: string, schoolRoles: readonly Role[]): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, body, facts }) {
    const requestId = params.requestId ?? namedInBody(body, 'requestId');
    if (requestId === null) return unnamed('requestId');
    const found = await facts.mastRequestOf(requestId);
    if (!found) return deny('no relationship to this request');
    if (actor.role === 'mast-coordinator') return allow('role:mast-coordinator', found.childId);
    if (actor.role === 'panel-member' && found.listed) return allow('panel-member:listed-request', found.childId);
    if (actor.role === 'key-worker' && found.workerId === actor.userId) return allow('allocated-worker', found.childId);
    if (schoolRoles.includes(actor.role) && found.schoolId === actor.agencyId)
      return allow(`school-of-record:${found.schoolId}`, found.childId);
    return deny('no relationship to this request', found.childId);
  },
});

export const mastPolicies = {
  /** 001: the SENCo makes the request, with the parents, for a child of their own school. */
  makeRequest: {
    name: 'mast-request.make',
    childLevel: true,
    async decide({ actor, body, facts }) {
      if (actor.role !== 'senco') return deny("mast-request.make is for the SENCo at the child's school");
      const childId = namedInBody(body, 'childId');
      if (childId === null) return unnamed('childId');
      if ((await facts.schoolOfChild(childId)) !== actor.agencyId)
        return deny('no relationship to this child', childId);
      return allow(`school-of-record:${actor.agencyId}`, childId);
    },
  } satisfies Policy,
  readRequest: onTheRequest('mast-request.read', ['senco', 'dsl', 'head-teacher']),
  /** Response to the school, breaches, ending: the co-ordinator's. First contact: the allocated worker's (the domain checks which worker). */
  requestStep: {
    name: 'mast-request.step',
    childLevel: true,
    async decide(context) {
      const found = await context.facts.mastRequestOf(context.params.requestId);
      if (!found) return deny('no relationship to this request');
      if (context.params.step === 'first-contact') {
        return context.actor.role === 'key-worker' && found.workerId === context.actor.userId
          ? allow('allocated-worker', found.childId)
          : deny('first contact is recorded by the allocated worker', found.childId);
      }
      return context.actor.role === 'mast-coordinator'
        ? allow('role:mast-coordinator', found.childId)
        : deny('mast-request.step is for the MAST co-ordinator', found.childId);
    },
  } satisfies Policy,
  runPanel: roleIn('mast-panel.run', ['mast-coordinator']),
  /** A decision or a conflict declared in the meeting is about one child: logged against that child. */
  decide: {
    name: 'mast-panel.decide',
    childLevel: true,
    async decide({ actor, body, facts }) {
      const requestId = namedInBody(body, 'requestId');
      const found = requestId === null ? null : await facts.mastRequestOf(requestId);
      if (actor.role !== 'mast-coordinator')
        return deny('mast-panel.decide is for the MAST co-ordinator', found?.childId);
      if (requestId === null) return unnamed('requestId');
      return found ? allow('role:mast-coordinator', found.childId) : deny('no such request');
    },
  } satisfies Policy,
  readPanel: mastTeamReads('mast-panel.read'),
  deadlines: mastTeamReads('mast.deadlines'),
  caseloads: roleIn('mast.caseloads', ['mast-coordinator']),
  /** A worker's own caseload, or any worker's for the co-ordinator. */
  caseload: {
    name: 'mast.caseload',
    childLevel: true,
    async decide({ actor, params }) {
      if (actor.role === 'mast-coordinator') return allow('role:mast-coordinator');
      if (actor.role === 'key-worker' && actor.userId === params.workerId) return allow('own-caseload');
      return deny('a caseload is seen by its worker and the MAST co-ordinator');
    },
  } satisfies Policy,
};
