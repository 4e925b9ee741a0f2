import { Controller, Get, Param, Render } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sharingPolicies } from '@app/access/policy/sharing.policies';
import type { InformationCategory } from '@app/domain/shared';
import { receivedInformation } from '@app/projections/sharing/queries';
import { Policy } from '../../access/policy.decorator';
import { Page } from '../page.decorator';
import { receivedView } from './received-view';

/** What an agency's practitioner sees: only what was disclosed to their agency, corrections applied, as the preview showed it. */
@Page()
@Controller('app/agencies/:agencyId')
export class ReceivedPages {
  constructor(private readonly dataSource: DataSource) {}

  @Get('information-received')
  @Policy(sharingPolicies.received)
  @Render('sharing/received')
  async received(@Param('agencyId') agencyId: string) {
    const rows = (await receivedInformation(this.dataSource.manager, agencyId)) as Array<{ childId: string; recordRef: string; category: InformationCategory; values: Record<string, unknown>; receivedAt: Date; correctedAt: Date | null }>;
    const byChild = new Map<string, typeof rows>();
    for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
    return {
      title: 'Information received',
      children: [...byChild].map(([childId, items]) => {
        const named = items.find((i) => typeof i.values.givenName === 'string' || typeof i.values.familyName === 'string')?.values;
        return {
          childId,
          // Only a name that was itself disclosed: otherwise the child is named by the platform's reference.
          name: named ? `${named.givenName ?? ''} ${named.familyName ?? ''}`.trim() : `Child ${childId.slice(0, 8)}`,
          items: items.map((i) => ({ ...receivedView(i), receivedAt: i.receivedAt, correctedAt: i.correctedAt })),
        };
      }),
    };
  }
}
