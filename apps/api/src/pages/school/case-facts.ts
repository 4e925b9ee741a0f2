import type { RecordedEvent } from '@app/event-store';

export interface TargetInWords {
  readonly targetId: string;
  readonly description: string;
}

interface MeasuresInForm {
  readonly attendancePercent?: number;
  readonly behaviourIncidents?: number;
  readonly fixedTermExclusions?: number;
}

/** What a step's form asks about from the case so far: the measures at referral, the targets set, and those of the plan in force. */
export interface CaseFacts {
  readonly atReferral?: MeasuresInForm;
  readonly targets: readonly TargetInWords[];
  readonly planTargets: readonly TargetInWords[];
}

/** The case's facts from its own events: the projection keeps counts and dates, not the targets' words. */
export function caseFacts(events: readonly RecordedEvent[]): CaseFacts {
  const targets: TargetInWords[] = [];
  let planTargetIds: readonly string[] = [];
  let atReferral: MeasuresInForm | undefined;
  for (const { type, data } of events) {
    if ((type === 'ReferralMade' || type === 'PrimaryAssessmentProfileCompleted') && data.profile)
      atReferral = data.profile as MeasuresInForm;
    if (type === 'TargetsSet' && Array.isArray(data.targets)) {
      for (const t of data.targets as Array<{ targetId: string; description: string }>)
        targets.push({ targetId: t.targetId, description: t.description });
    }
    if (type === 'ActionPlanAgreed' && Array.isArray(data.targetIds)) planTargetIds = data.targetIds as string[];
  }
  return {
    atReferral,
    targets,
    planTargets: planTargetIds.map((id) => targets.find((t) => t.targetId === id) ?? { targetId: id, description: id }),
  };
}
