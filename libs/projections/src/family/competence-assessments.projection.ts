import type { EntityManager } from 'typeorm';
import type { CompetenceAssessed } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CompetenceAssessmentRow } from './competence-assessment.entity';

/** Every competence assessment's outcome per child, without its personal notes: a family view asks the child's standing today. */
export const competenceAssessmentsProjection: Projection = {
  name: 'competence-assessments',
  eventTypes: ['CompetenceAssessed'],
  tables: ['competence_assessments'],

  async apply(event: RecordedEvent, manager: EntityManager) {
    const data = event.data as unknown as CompetenceAssessed['data'];
    await manager.getRepository(CompetenceAssessmentRow).upsert(
      {
        childId: data.childId,
        assessmentId: data.assessmentId,
        assessedOn: data.assessedOn,
        framework: data.framework,
        outcome: data.outcome,
        childAge: data.childAge,
        sequence: event.revision.toString(),
      },
      ['childId', 'assessmentId'],
    );
  },
};
