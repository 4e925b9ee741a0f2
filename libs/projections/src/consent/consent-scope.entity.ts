import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One consent decision of a child, scope as arrays: what gates ask coverage of. */
@Entity({ schema: 'read_models', name: 'consent_scopes' })
@Index('consent_scopes_purposes', { synchronize: false }) // GIN, which TypeORM cannot describe
@Index('consent_scopes_recipients', { synchronize: false }) // GIN
export class ConsentScopeRow {
  @PrimaryColumn('text', { name: 'child_id' }) childId!: string;
  @PrimaryColumn('text', { name: 'consent_id' }) consentId!: string;
  /** given or refused. */
  @Column('text') kind!: string;
  @Column('text', { name: 'giver_kind' }) giverKind!: string;
  @Column('text', { name: 'giver_relationship', nullable: true }) giverRelationship!: string | null;
  @Column('text', { array: true }) purposes!: string[];
  @Column('text', { array: true }) recipients!: string[];
  @Column('text', { array: true }) categories!: string[];
  @Column('date', { name: 'effective_on' }) effectiveOn!: string;
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn!: string | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('text', { name: 'withdrawn_by_kind', nullable: true }) withdrawnByKind!: string | null;
  @Column('date', { name: 'expiry_recorded_on', nullable: true }) expiryRecordedOn!: string | null;
  @Column('integer', { name: 'child_age' }) childAge!: number;
  @Column('boolean', { name: 'child_competent' }) childCompetent!: boolean;
  @Column('text', { name: 'competence_assessment_id', nullable: true }) competenceAssessmentId!: string | null;
  @Column('text', { name: 'evidence_form' }) evidenceForm!: string;
  @Column('text', { name: 'document_ref', nullable: true }) documentRef!: string | null;
  /** Stream revision: a later decision supersedes an earlier one. */
  @Column('bigint') sequence!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
