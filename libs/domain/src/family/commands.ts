import type { IsoDate } from '../shared';
import type { FamilyMemberKind, RelationshipEvidence, SchoolLead } from './events';

export interface LinkFamilyMember {
  readonly type: 'LinkFamilyMember';
  readonly childId: string;
  readonly linkId: string;
  readonly userId: string;
  readonly kind: FamilyMemberKind;
  readonly relationship?: string;
  readonly evidence: RelationshipEvidence;
  readonly linkedOn: IsoDate;
  readonly linkedBy: SchoolLead;
}

export interface UnlinkFamilyMember {
  readonly type: 'UnlinkFamilyMember';
  readonly childId: string;
  readonly linkId: string;
  readonly reason: string;
  readonly unlinkedOn: IsoDate;
  readonly unlinkedBy: SchoolLead;
}

export type FamilyCommand = LinkFamilyMember | UnlinkFamilyMember;
