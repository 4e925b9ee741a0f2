import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One competence assessment's outcome (Box 15): what the consent domain needs to judge the child's standing on a day. */
@Entity({ schema: 'read_models', name: 'competence_assessments' })
export class CompetenceAssessmentRow {
  @PrimaryColumn('text', { name: 'child_id' }) childId!: string;
  @PrimaryColumn('text', { name: 'assessment_id' }) assessmentId!: string;
  @Column('date', { name: 'assessed_on' }) assessedOn!: string;
  @Column('text') framework!: string;
  @Column('text') outcome!: string;
  @Column('integer', { name: 'child_age' }) childAge!: number;
  /** Stream revision: of two assessments on one day, the later counts. */
  @Column('bigint') sequence!: string;
}
