import { z } from 'zod';
import { Alternatives } from './availability.schemas.ts';
import { IsoDate, StayTypeCode, Uuid } from './common.ts';
import { Stay } from './stay.schemas.ts';

const Override = z.strictObject({
  arrival: IsoDate.meta({ description: 'The arrival the rule gives: which stay of the series this is about' }),
  skip: z.boolean().optional(),
  unitId: Uuid.optional(),
  newArrival: IsoDate.optional().meta({ description: 'Another arrival date; the number of nights stays the same' }),
});

export const SeriesBody = z.strictObject({
  clientId: Uuid,
  referralId: Uuid.optional().meta({
    description: 'The referral the series answers (same client): its status and history follow the stays',
  }),
  unitId: Uuid,
  stayType: StayTypeCode,
  rrule: z.string().trim().min(6).max(300).meta({
    description: 'RFC 5545 RRULE value, bounded by COUNT or UNTIL',
    example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=6',
  }),
  firstArrival: IsoDate.meta({ description: 'DTSTART of the rule' }),
  nights: z.number().int().min(1).max(90),
  status: z.enum(['hold', 'confirmed']).default('confirmed'),
  holdMinutes: z.number().int().min(1).max(1440).optional(),
  overrides: z.array(Override).max(104).default([]),
});

export const OccurrenceReport = z
  .object({
    ruleArrival: IsoDate,
    arrival: IsoDate,
    departure: IsoDate,
    unitId: Uuid,
    problem: z
      .enum(['stay_type_not_accepted', 'unit_inactive', 'unit_closed', 'stay_conflict', 'client_already_staying', 'unit_lacks_features'])
      .nullable(),
    alternatives: Alternatives.optional(),
  })
  .meta({ id: 'SeriesOccurrence' });

export const SeriesPreview = z.object({ occurrences: z.array(OccurrenceReport) }).meta({ id: 'SeriesPreview' });
export const SeriesBooked = z.object({ seriesId: Uuid, stays: z.array(Stay) }).meta({ id: 'SeriesBooked' });
