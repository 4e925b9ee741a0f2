import { eventCatalogue } from '../catalogue';
import { mastRequestEventSchemas } from '../mast-request/events';
import { mastPanelEventSchemas } from '../mast-panel/events';
import { cafEventSchemas } from '../caf/events';

describe('catalogue: MAST and CAF events', () => {
  it('registers every MAST request, panel and CAF event', () => {
    for (const schema of [...mastRequestEventSchemas, ...mastPanelEventSchemas, ...cafEventSchemas]) {
      expect(eventCatalogue.schemaOf(schema.type)).toBe(schema);
    }
  });

  it('seals what the family and practitioners wrote about the child', () => {
    expect(eventCatalogue.personalFields('MastRequestMade')).toEqual(['parentsInvolved', 'needs', 'alreadyTried']);
    expect(eventCatalogue.personalFields('PanelDecisionRecorded')).toEqual(['reason']);
    expect(eventCatalogue.personalFields('CafContributionRecorded')).toContain('text');
    expect(eventCatalogue.personalFields('CafViewsRecorded')).toEqual(['views']);
  });

  it("keeps panel-wide events free of any one child's personal data (they carry no child key)", () => {
    for (const type of [
      'PanelScheduled',
      'PanelAgendaSet',
      'PanelMemberAttended',
      'PanelMinutesRecorded',
      'PanelClosed',
    ]) {
      expect(eventCatalogue.personalFields(type)).toEqual([]);
    }
  });
});
