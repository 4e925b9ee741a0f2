import { addMonths, type IsoDate } from '../shared/calendar';
import { RECORD_CLASSES, type RecordClass } from './vocabulary';

/**
 * How long one class of record is kept: a number of years from the child's date of birth
 * or from the day the record closed (the case ended, the consent lapsed, the decision's
 * validity ran out). At the end the record is reviewed by the dpo, never destroyed unseen.
 */
export interface RetentionRule {
  readonly from: 'date-of-birth' | 'closure';
  readonly years: number;
  /** The row of the source it comes from, shown in the dpo's view. */
  readonly source: string;
}

export interface RetentionSchedule {
  /** The edition of the source the rules come from. */
  readonly edition: string;
  readonly classes: Readonly<Record<RecordClass, RetentionRule>>;
}

/** What a record's period runs from; null when it has not started (an open case has no closure yet). */
export interface RetentionAnchors {
  readonly dateOfBirth: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

/** The last day of the record's period, or null while it cannot be known. */
export function endOfPeriod(rule: RetentionRule, anchors: RetentionAnchors): IsoDate | null {
  const from = rule.from === 'date-of-birth' ? anchors.dateOfBirth : anchors.closedOn;
  return from ? addMonths(from, rule.years * 12) : null;
}

const MAX_YEARS = 120;

/** A schedule as read from configuration: the first thing wrong with it, naming where, or the schedule. */
export function checkSchedule(value: unknown): { readonly schedule: RetentionSchedule } | { readonly problem: string } {
  if (typeof value !== 'object' || value === null)
    return { problem: 'must be a JSON object with "edition" and "classes"' };
  const { edition, classes } = value as { edition?: unknown; classes?: unknown };
  if (typeof edition !== 'string' || edition.trim() === '')
    return { problem: '"edition" must name the edition of the source the periods come from' };
  if (typeof classes !== 'object' || classes === null)
    return { problem: '"classes" must map each record class to its rule' };
  const unknown = Object.keys(classes).find((name) => !(RECORD_CLASSES as readonly string[]).includes(name));
  if (unknown) return { problem: `"classes.${unknown}" is not a record class (one of ${RECORD_CLASSES.join(', ')})` };
  for (const name of RECORD_CLASSES) {
    const rule = (classes as Record<string, unknown>)[name] as Partial<RetentionRule> | undefined;
    if (!rule) return { problem: `"classes.${name}" is missing` };
    if (rule.from !== 'date-of-birth' && rule.from !== 'closure')
      return { problem: `"classes.${name}.from" must be "date-of-birth" or "closure"` };
    if (!Number.isInteger(rule.years) || (rule.years as number) < 0 || (rule.years as number) > MAX_YEARS)
      return { problem: `"classes.${name}.years" must be a whole number from 0 to ${MAX_YEARS}` };
    if (typeof rule.source !== 'string' || rule.source.trim() === '')
      return { problem: `"classes.${name}.source" must name the row of the source` };
  }
  return { schedule: value as RetentionSchedule };
}
