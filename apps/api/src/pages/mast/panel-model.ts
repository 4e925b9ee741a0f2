import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '@app/platform';
import type { MastAgendaItem } from '@app/projections';
import type { MastPanelRow } from '@app/projections';
import { mastRequestsOf, panelAgenda, requestsAwaitingPanel } from '@app/projections';
import { CONFIG } from '../../http/tokens';
import { decisionText, requestRef } from './decision-text';
import { MastNames, type Names } from './mast-names';
import { quorumForItem, type QuorumRule } from './quorum';

const PANEL_ROLES = ['panel-member', 'mast-coordinator'];

/** What the co-ordinator's meeting page, the members' pack and a request's decision page show of one panel. */
@Injectable()
export class PanelModel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly names: MastNames,
    @Inject(CONFIG) private readonly config: PlatformConfig,
  ) {}

  get quorumRule(): QuorumRule {
    return { minMembers: this.config.mastPanel.quorumMembers, minAgencies: this.config.mastPanel.quorumAgencies };
  }

  /** The meeting: agenda with each item's quorum, held-over requests, attendance, minutes. */
  async meeting(panelDate: string) {
    const [agenda, names] = await Promise.all([panelAgenda(this.dataSource.manager, panelDate), this.names.load()]);
    if (!agenda) {
      return {
        title: `Panel of ${panelDate}`,
        panelDate,
        scheduled: false,
        awaiting: (await requestsAwaitingPanel(this.dataSource.manager)).length,
      };
    }
    const { panel, items } = agenda;
    const heldOver = await mastRequestsOf(this.dataSource.manager, panel.heldOver);
    const present = new Set(panel.attendance.filter((a) => a.present).map((a) => a.userId));
    return {
      ...this.panelOf(panel, items, names),
      awaiting: panel.cutOff ? 0 : (await requestsAwaitingPanel(this.dataSource.manager)).length,
      heldOver: heldOver.map((r) => ({
        requestId: r.requestId,
        ref: requestRef(r.requestId),
        childId: r.childId,
        school: names.agency(r.schoolId),
        receivedAt: r.receivedAt.toISOString(),
      })),
      candidates: names.users
        .filter((u) => u.active && PANEL_ROLES.includes(u.role) && !present.has(u.userId))
        .map((u) => ({ value: u.userId, text: `${u.displayName}, ${names.agency(u.agencyId)}` })),
    };
  }

  /** The members' read-only pack: each listed request with what the school said. */
  async pack(panelDate: string) {
    const [agenda, names] = await Promise.all([panelAgenda(this.dataSource.manager, panelDate), this.names.load()]);
    if (!agenda) throw new NotFoundException({ message: `No panel on ${panelDate}`, field: 'panelDate' });
    const requests = new Map(
      (
        await mastRequestsOf(
          this.dataSource.manager,
          agenda.items.map((i) => i.requestId),
        )
      ).map((r) => [r.requestId, r]),
    );
    const panel = this.panelOf(agenda.panel, agenda.items, names);
    return {
      ...panel,
      title: `Agenda pack: panel of ${panelDate}`,
      heldOverCount: agenda.panel.heldOver.length,
      items: panel.items.map((item) => {
        const request = requests.get(item.requestId);
        return {
          ...item,
          needs: request?.needs ?? null,
          alreadyTried: request?.alreadyTried ?? null,
          parentsInvolved: request?.parentsInvolved ?? [],
          requestedBy: names.user(request?.requestedBy),
        };
      }),
    };
  }

  /** One request at the meeting: its quorum now, the members who may declare a conflict, the key workers to allocate. */
  async item(panelDate: string, requestId: string) {
    const meeting = await this.meeting(panelDate);
    const item = 'items' in meeting ? meeting.items.find((i) => i.requestId === requestId) : undefined;
    if (!item || !('attendance' in meeting))
      throw new NotFoundException({
        message: `Request ${requestId} is not on the agenda of the panel of ${panelDate}`,
        field: 'requestId',
      });
    const [request] = await mastRequestsOf(this.dataSource.manager, [requestId]);
    const names = await this.names.load();
    const conflicted = new Set(item.conflicts.map((c) => c.memberId));
    return {
      title: `Request ${item.ref}: panel of ${panelDate}`,
      panelDate,
      panel: meeting.panel,
      item,
      request: {
        needs: request?.needs ?? null,
        alreadyTried: request?.alreadyTried ?? null,
        parentsInvolved: request?.parentsInvolved ?? [],
        requestedBy: names.user(request?.requestedBy),
      },
      attendance: meeting.attendance,
      mayDeclare: meeting.attendance
        .filter((a) => a.present && !conflicted.has(a.userId))
        .map((a) => ({ value: a.userId, text: a.name })),
      workers: names.users
        .filter((u) => u.active && u.role === 'key-worker' && u.agencyId === 'mast')
        .map((u) => ({ value: u.userId, text: u.displayName })),
    };
  }

  private panelOf(panel: MastPanelRow, items: MastAgendaItem[], names: Names) {
    const rule = this.quorumRule;
    return {
      title: `Panel of ${panel.panelDate}`,
      panelDate: panel.panelDate,
      scheduled: true,
      panel: {
        status: panel.status,
        closed: panel.status === 'closed',
        cutOff: panel.cutOff?.toISOString() ?? null,
        agendaSet: panel.cutOff !== null,
        minutes: panel.minutes,
        minutesRecordedBy: names.user(panel.minutesRecordedBy),
        closedAt: panel.closedAt?.toISOString() ?? null,
        carriedOver: panel.carriedOver.map(requestRef),
      },
      quorumRule: rule,
      attendance: panel.attendance.map((a) => ({
        userId: a.userId,
        name: names.user(a.userId),
        role: a.role,
        agency: names.agency(a.agencyId),
        present: a.present,
      })),
      items: items.map((item) => ({
        requestId: item.requestId,
        ref: requestRef(item.requestId),
        position: item.position,
        childId: item.childId,
        school: names.agency(item.schoolId),
        levelOfNeed: item.levelOfNeed,
        receivedAt: item.receivedAt.toISOString(),
        returning: item.returning,
        status: item.status,
        outcome: item.outcome,
        decision: decisionText(item.decision, names),
        reason: item.reason,
        conflicts: item.conflicts.map((c) => ({
          memberId: c.memberId,
          member: names.user(c.memberId),
          nature: c.nature,
        })),
        participants: (item.participants ?? []).map((p) => names.user(p.userId)),
        quorum: quorumForItem(panel.attendance, item.conflicts, rule),
      })),
    };
  }
}
