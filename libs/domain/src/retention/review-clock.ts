import { addMonths, type IsoDate } from '../shared/calendar';

/**
 * The platform's own rule, not the law's: the law says only that personal data is kept no
 * longer than necessary (UK GDPR Art. 5(1)(e)). A record listed for review waits for the
 * dpo's decision at most this many calendar months from the day it was listed.
 */
export const REVIEW_WITHIN_MONTHS = 1;

export type ReviewClockState = 'due' | 'overdue';

/** The day by which a review listed on `listedOn` is decided. */
export const reviewDecideBy = (listedOn: IsoDate): IsoDate => addMonths(listedOn, REVIEW_WITHIN_MONTHS);

/** On a day: still due, or overdue (its decide-by day has passed with no decision). */
export const reviewClockState = (listedOn: IsoDate, today: IsoDate): ReviewClockState =>
  reviewDecideBy(listedOn) < today ? 'overdue' : 'due';
