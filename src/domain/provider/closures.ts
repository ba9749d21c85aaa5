import { type IsoDate, nightsBetween } from '../dates.ts';

/** A closure is planned (maintenance, an admission stop); not admitting is staffed capacity down for a while. */
export type ClosureKind = 'closure' | 'not_admitting';
export const PLANNED_CLOSURE_REASONS = ['admission_stop', 'maintenance', 'other'] as const;
export const NOT_ADMITTING_REASONS = ['staff_shortage', 'outbreak', 'care_load', 'other'] as const;
export type PlannedClosureReason = (typeof PLANNED_CLOSURE_REASONS)[number];
export type NotAdmittingReason = (typeof NOT_ADMITTING_REASONS)[number];
export type ClosureReason = PlannedClosureReason | NotAdmittingReason;

/** A problem with one field of a closure request, worded by the HTTP layer (src/http/messages.ts). */
export interface ClosureIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** A closure may be planned up to two years ahead, like a stay period. */
export const MAX_CLOSURE_NIGHTS = 731;

/**
 * The dates of a closure: the first closed day and the first day open again. Closing in the past changes nothing
 * anyone can still book, and would only blur the history of the board, so it starts today at the earliest.
 */
export function closurePeriodIssues(period: { startsOn: IsoDate; endsOn: IsoDate }, today: IsoDate): ClosureIssue[] {
  const issues: ClosureIssue[] = [];
  if (period.startsOn < today) issues.push({ field: 'startsOn', code: 'date_in_past' });
  if (period.endsOn <= period.startsOn) issues.push({ field: 'endsOn', code: 'ends_before_start' });
  else if (nightsBetween(period.startsOn, period.endsOn) > MAX_CLOSURE_NIGHTS) {
    issues.push({ field: 'endsOn', code: 'period_too_long', params: { maximum: MAX_CLOSURE_NIGHTS } });
  }
  return issues;
}

/**
 * The expected end of a time without admissions: the first day the provider expects to admit again. It runs from
 * today, so the end lies after today, and like a closure at most two years ahead.
 */
export function expectedEndIssues(expectedEnd: IsoDate, today: IsoDate): ClosureIssue[] {
  return closurePeriodIssues({ startsOn: today, endsOn: expectedEnd }, today).map((issue) => ({ ...issue, field: 'expectedEnd' }));
}

/**
 * What reopening does to one closure: one that has not begun is dropped; one that has begun ends today, so the
 * nights it kept closed stay on record (the occupancy figures count them as not available).
 */
export function reopening(closure: { startsOn: IsoDate }, today: IsoDate): 'delete' | 'end_today' {
  return closure.startsOn < today ? 'end_today' : 'delete';
}

export interface UnitInUse {
  id: string;
  activeFrom: IsoDate;
  activeUntil: IsoDate | null;
}

function inUseDuring(unit: UnitInUse, period: { startsOn: IsoDate; endsOn: IsoDate }): boolean {
  return unit.activeFrom < period.endsOn && (unit.activeUntil === null || unit.activeUntil > period.startsOn);
}

/**
 * Which units of a location a closure request closes. 'all' is an admission stop of the whole location: every unit
 * in use during the period (a unit not yet or no longer in use has nothing to close). Chosen units must belong to
 * the location; an id that does not is reported like an unknown one, so it tells nothing about other providers.
 */
export function unitsToClose(
  units: readonly UnitInUse[],
  chosen: 'all' | readonly string[],
  period: { startsOn: IsoDate; endsOn: IsoDate },
): { unitIds: string[]; issues: ClosureIssue[] } {
  if (chosen === 'all') {
    const unitIds = units.filter((unit) => inUseDuring(unit, period)).map((unit) => unit.id);
    return unitIds.length > 0 ? { unitIds, issues: [] } : { unitIds, issues: [{ field: 'units', code: 'no_units_in_use' }] };
  }
  const known = new Set(units.map((unit) => unit.id));
  const issues = chosen.flatMap((id, index) => (known.has(id) ? [] : [{ field: `units.${index}`, code: 'unknown_unit' }]));
  return { unitIds: issues.length > 0 ? [] : [...new Set(chosen)], issues };
}

export interface ClosureRecord {
  id: string;
  unitId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  kind: ClosureKind;
  reason: ClosureReason;
  note: string | null;
  /** When it was recorded: closures made by one request share it (one transaction). */
  createdAt: string;
}

export interface ClosureGroup {
  closureIds: string[];
  unitIds: string[];
  startsOn: IsoDate;
  endsOn: IsoDate;
  kind: ClosureKind;
  reason: ClosureReason;
  note: string | null;
  /** Every unit in use at the location during the period is closed: no admissions at all. */
  wholeLocation: boolean;
}

/**
 * Closures as the provider made them: those recorded by one request for the same period and reason form one
 * group (an admission stop is one line, not ten), earliest first. Reopening a group reopens all its units.
 */
export function groupClosures(closures: readonly ClosureRecord[], units: readonly UnitInUse[]): ClosureGroup[] {
  const groups = new Map<string, ClosureGroup>();
  for (const closure of closures) {
    const key = JSON.stringify([closure.createdAt, closure.startsOn, closure.endsOn, closure.kind, closure.reason, closure.note]);
    const group = groups.get(key);
    if (group) {
      group.closureIds.push(closure.id);
      if (!group.unitIds.includes(closure.unitId)) group.unitIds.push(closure.unitId);
    } else {
      groups.set(key, {
        closureIds: [closure.id],
        unitIds: [closure.unitId],
        startsOn: closure.startsOn,
        endsOn: closure.endsOn,
        kind: closure.kind,
        reason: closure.reason,
        note: closure.note,
        wholeLocation: false,
      });
    }
  }
  return [...groups.values()]
    .map((group) => {
      const inUse = units.filter((unit) => inUseDuring(unit, group));
      return { ...group, wholeLocation: inUse.length > 0 && inUse.every((unit) => group.unitIds.includes(unit.id)) };
    })
    .sort(
      (a, b) =>
        a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.closureIds[0]!.localeCompare(b.closureIds[0]!),
    );
}
