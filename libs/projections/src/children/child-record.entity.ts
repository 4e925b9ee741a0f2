import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The current registration details of a child, as schools and other agencies see them. */
@Entity({ schema: 'read_models', name: 'child_records' })
@Index('child_records_school', ['schoolId'])
export class ChildRecord {
  @PrimaryColumn('text', { name: 'child_id' })
  childId!: string;

  /** Null once the child's data key is erased. */
  @Column('text', { name: 'given_name', nullable: true })
  givenName!: string | null;

  @Column('text', { name: 'family_name', nullable: true })
  familyName!: string | null;

  @Column('date', { name: 'date_of_birth', nullable: true })
  dateOfBirth!: string | null;

  @Column('text', { nullable: true })
  upn!: string | null;

  @Column('text', { name: 'school_id' })
  schoolId!: string;

  @Column('integer', { name: 'year_group' })
  yearGroup!: number;

  @Column('text', { array: true, default: '{}' })
  flags!: string[];

  /** Stream revision of the last event applied: the ETag clients send back in If-Match. */
  @Column('bigint')
  revision!: string;

  @Column('boolean', { default: false })
  erased!: boolean;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
