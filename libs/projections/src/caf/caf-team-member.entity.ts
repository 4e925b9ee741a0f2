import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A practitioner in the team around the child, with the parts they have taken:
 * started, contributor, tac-attendee, lead-professional, former-lead-professional, action-owner.
 */
@Entity({ schema: 'read_models', name: 'caf_team_members' })
export class CafTeamMember {
  @PrimaryColumn('text', { name: 'caf_id' })
  cafId!: string;

  @PrimaryColumn('text', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'agency_id' })
  agencyId!: string;

  @Column('text')
  role!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  parts!: string[];

  @Column('date', { name: 'joined_on' })
  joinedOn!: string;
}
