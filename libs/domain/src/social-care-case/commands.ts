import type { IsoDate } from '../shared';

/** Commands made from inbound social-care messages: they record what social care decided. */
export interface RecordChildProtectionPlanStarted {
  readonly type: 'RecordChildProtectionPlanStarted';
  readonly caseId: string;
  readonly childRef: string;
  readonly startedOn: IsoDate;
}

export interface RecordChildProtectionPlanEnded {
  readonly type: 'RecordChildProtectionPlanEnded';
  readonly caseId: string;
  readonly childRef: string;
  readonly endedOn: IsoDate;
}

export interface RecordSocialCareCaseClosed {
  readonly type: 'RecordSocialCareCaseClosed';
  readonly caseId: string;
  readonly childRef: string;
  readonly closedOn: IsoDate;
}

export type SocialCareCaseCommand =
  RecordChildProtectionPlanStarted | RecordChildProtectionPlanEnded | RecordSocialCareCaseClosed;
