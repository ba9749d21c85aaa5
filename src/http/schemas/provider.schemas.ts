import { z } from 'zod';
import { CARE_FEATURES } from '../../domain/care-features.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { NOT_ADMITTING_REASONS, PLANNED_CLOSURE_REASONS, closurePeriodIssues, expectedEndIssues } from '../../domain/provider/closures.ts';
import { ADL_DEPENDENCY, CONTRA_INDICATIONS, DEMENTIA, MOBILITY, NIGHT_CARE, NURSING_ACTS } from '../../domain/provider/handover.ts';
import { STAY_STATUSES } from '../../domain/stay-lifecycle.ts';
import { IsoDate, StayTypeCode, Uuid } from './common.ts';
import { Location, Unit } from './registry.schemas.ts';
import { appClock } from '../../clock.ts';

const PlannedClosureReason = z.enum(PLANNED_CLOSURE_REASONS);
const NotAdmittingReason = z.enum(NOT_ADMITTING_REASONS);
const ClosureKind = z
  .enum(['closure', 'not_admitting'])
  .meta({ description: 'closure: planned (maintenance, an admission stop); not_admitting: no staff for now, endsOn is the expected end' });
const ClosureReason = z.enum([...new Set([...PLANNED_CLOSURE_REASONS, ...NOT_ADMITTING_REASONS])]);

export const OverviewQuery = z.strictObject({
  organisationId: Uuid.optional().meta({ description: 'The central point: one provider; a planner sees its own organisation only' }),
});

export const MovementsQuery = z.strictObject({
  date: IsoDate.optional().meta({ description: 'The day; today when left out' }),
  organisationId: Uuid.optional().meta({ description: 'The central point: one provider; a planner sees its own organisation only' }),
});

export const ProviderOverview = z
  .object({
    today: IsoDate,
    locations: z.array(
      Location.extend({
        units: z.array(Unit),
        closures: z
          .array(
            z.object({
              closureIds: z.array(Uuid),
              unitIds: z.array(Uuid),
              startsOn: IsoDate,
              endsOn: IsoDate.meta({ description: 'First day open again (expected, when not admitting)' }),
              kind: ClosureKind,
              reason: ClosureReason,
              note: z.string().nullable(),
              wholeLocation: z.boolean().meta({ description: 'Every unit in use is closed: an admission stop of the location' }),
            }),
          )
          .meta({ description: 'Closures not yet over, grouped as they were made; reopen a group with POST /locations/{id}/reopen' }),
        tariffs: z
          .array(
            z.object({
              stayType: StayTypeCode,
              funding: z.enum(['in_kind', 'personal_budget']),
              housingCents: z.number().int(),
              stayCents: z.number().int(),
              careCents: z.number().int(),
              validFrom: IsoDate,
              validUntil: IsoDate.nullable(),
            }),
          )
          .meta({ description: 'Valid today or later' }),
      }),
    ),
  })
  .meta({ id: 'ProviderOverview' });

const Movement = z.object({
  stayId: Uuid,
  clientId: Uuid,
  clientName: z.string(),
  stayType: StayTypeCode,
  arrival: IsoDate,
  departure: IsoDate,
  status: z.enum(STAY_STATUSES),
  unitId: Uuid,
  unitName: z.string(),
  locationId: Uuid,
  locationName: z.string(),
  actions: z.array(z.enum(['arrive', 'depart', 'no_show'])).meta({ description: 'What can be recorded now (POST /stays/{id}/arrive, …)' }),
});

export const ProviderMovements = z
  .object({
    date: IsoDate,
    locations: z.array(
      z.object({
        locationId: Uuid,
        locationName: z.string(),
        arrivals: z.array(Movement),
        departures: z.array(Movement),
      }),
    ),
  })
  .meta({ id: 'ProviderMovements' });

export const StayHandover = z
  .object({
    stayId: Uuid,
    clientId: Uuid,
    guest: z.object({ name: z.string(), dateOfBirth: IsoDate.nullable() }),
    stayType: StayTypeCode,
    arrival: IsoDate,
    departure: IsoDate,
    status: z.enum(STAY_STATUSES),
    unit: z.object({ id: Uuid, name: z.string(), features: z.array(z.string()).meta({ description: 'Of the unit and its location' }) }),
    location: z.object({ id: Uuid, name: z.string() }),
    referral: z.object({ id: Uuid, reference: z.string(), kind: z.string() }).nullable(),
    caregiver: z
      .object({ name: z.string().nullable(), relation: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
      .nullable(),
    care: z
      .object({
        questionnaireVersion: z.string(),
        triagedAt: z.string(),
        requiredFeatures: z.array(z.enum(CARE_FEATURES)),
        featuresSetByTriagist: z.boolean(),
        contraIndications: z.array(z.enum(CONTRA_INDICATIONS)),
        mobility: z.enum(MOBILITY),
        adlDependency: z.enum(ADL_DEPENDENCY),
        dementia: z.enum(DEMENTIA),
        wandering: z.boolean(),
        behaviourProblems: z.boolean(),
        nightCare: z.enum(NIGHT_CARE),
        nursingActs: z.array(z.enum(NURSING_ACTS)),
        nursingActsOther: z.string().nullable(),
        diet: z.string().nullable(),
        missingFeatures: z.array(z.enum(CARE_FEATURES)).meta({ description: 'Required features this unit does not offer' }),
      })
      .nullable()
      .meta({ description: 'From the latest triage with its overrides; null when the stay has none, or when withheld' }),
    note: z
      .string()
      .nullable()
      .meta({ description: 'What the referrer or caregiver wrote with the request (e.g. "slechtziend"); null when withheld' }),
    withheld: z.enum(['not_coming', 'ended']).nullable().meta({
      description: 'Why care and caregiver are not shown: the guest will not come, or left more than 14 days ago',
    }),
  })
  .meta({ id: 'StayHandover' });

export const ProviderPlacements = z
  .array(
    z.object({
      stayId: Uuid,
      reference: z.string(),
      clientId: Uuid,
      clientName: z.string(),
      stayType: StayTypeCode,
      arrival: IsoDate,
      departure: IsoDate,
      answerBefore: z.string().meta({ description: 'When the hold lapses if the provider does not answer' }),
      unitName: z.string(),
      locationName: z.string(),
    }),
  )
  .meta({ id: 'ProviderPlacements' });

export const DeclinePlacementBody = z.strictObject({ reason: z.string().trim().min(3).max(500) }).meta({ id: 'DeclinePlacement' });

type Loose = Record<string, unknown>;
const date = (value: unknown) => (typeof value === 'string' && isIsoDate(value) ? value : undefined);

export const LocationClosureBody = z
  .strictObject({
    units: z
      .union([z.literal('all'), z.array(Uuid).min(1).max(200)])
      .meta({ description: '"all": every unit in use during the period (an admission stop of the location); or the units to close' }),
    startsOn: IsoDate.meta({ description: 'First day closed' }),
    endsOn: IsoDate.meta({ description: 'First day open again' }),
    reason: PlannedClosureReason,
    note: z.string().trim().min(3).max(500).meta({ description: 'Why, for the central point; no personal or health details' }),
    moves: z
      .array(z.strictObject({ stayId: Uuid, unitId: Uuid }))
      .max(200)
      .default([])
      .meta({
        description: 'Guests booked in the period who go to another unit of the provider first (see POST /locations/{id}/closures/check)',
      }),
  })
  // The dates are checked even when other fields are wrong, so the form shows every problem at once.
  .check(
    z.superRefine<Loose>(
      (body, ctx) => {
        const startsOn = date(body.startsOn);
        const endsOn = date(body.endsOn);
        if (!startsOn || !endsOn) return;
        for (const issue of closurePeriodIssues({ startsOn, endsOn }, appClock().today())) {
          ctx.addIssue({ code: 'custom', path: [issue.field], params: { code: issue.code, ...issue.params } });
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

export const ClosureCheck = z
  .array(
    z.object({
      stayId: Uuid,
      guestName: z.string(),
      unitName: z.string(),
      arrival: IsoDate,
      departure: IsoDate,
      status: z.enum(['hold', 'confirmed', 'arrived']),
      reference: z.string().nullable(),
      moveTo: z
        .array(z.object({ unitId: Uuid, unitName: z.string(), locationName: z.string(), distanceKm: z.number() }))
        .meta({ description: "Free units of the provider's own for the stay's dates, not closing, nearest first" }),
    }),
  )
  .meta({ id: 'ClosureCheck' });

export const LocationClosures = z
  .object({
    locationId: Uuid,
    closures: z.array(
      z.object({
        id: Uuid,
        unitId: Uuid,
        startsOn: IsoDate,
        endsOn: IsoDate,
        kind: ClosureKind,
        reason: ClosureReason,
        note: z.string().nullable(),
        affectedStayIds: z.array(Uuid).meta({ description: 'Stays already planned in the closed period; they are kept' }),
      }),
    ),
  })
  .meta({ id: 'LocationClosures' });

const ExpectedEnd = IsoDate.meta({ description: 'The first day the provider expects to admit again; after today' });

function expectedEndAfterToday(body: Loose, ctx: z.RefinementCtx<Loose>) {
  const expectedEnd = date(body.expectedEnd);
  if (!expectedEnd) return;
  for (const issue of expectedEndIssues(expectedEnd, appClock().today())) {
    ctx.addIssue({ code: 'custom', path: [issue.field], params: { code: issue.code, ...issue.params } });
  }
}
const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

export const NotAdmittingBody = z
  .strictObject({
    units: z
      .union([z.literal('all'), z.array(Uuid).min(1).max(200)])
      .meta({ description: '"all": every unit in use; or the units that cannot admit' }),
    reason: NotAdmittingReason,
    expectedEnd: ExpectedEnd,
    note: z.string().trim().max(500).default('').meta({ description: 'For the central point; no personal or health details' }),
  })
  .check(z.superRefine<Loose>(expectedEndAfterToday, { when: isObject }))
  .meta({ id: 'NotAdmittingBody', description: 'From today, the units take no new guests (no staff); guests already staying stay' });

export const ExtendNotAdmittingBody = z
  .strictObject({
    closureIds: z.array(Uuid).min(1).max(200).meta({ description: 'One not-admitting group of the overview' }),
    expectedEnd: ExpectedEnd,
  })
  .check(z.superRefine<Loose>(expectedEndAfterToday, { when: isObject }));

export const ExtendedNotAdmitting = z.object({
  affectedStayIds: z.array(Uuid).meta({ description: 'Stays planned in the units before the new expected end; they are kept' }),
});

export const ReopenBody = z.strictObject({
  closureIds: z.array(Uuid).min(1).max(200).meta({ description: 'Closures of units of this location, e.g. one group of the overview' }),
});
