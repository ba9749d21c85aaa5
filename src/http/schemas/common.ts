import { z } from 'zod';
import { CARE_FEATURES } from '../../domain/care-features.ts';
import { FIRST_DATE, LAST_DATE, isIsoDate, nightsBetween } from '../../domain/dates.ts';
import { STAY_TYPES } from '../../domain/stay-types.ts';

export const IsoDate = z.iso
  .date()
  // Only a date in the right form is out of range; one that is no date at all has its own message already.
  .refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || (date >= FIRST_DATE && date <= LAST_DATE), {
    params: { code: 'date_out_of_range', first: FIRST_DATE.slice(0, 4), last: LAST_DATE.slice(0, 4) },
  })
  .meta({ description: `Calendar date, YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}`, example: '2027-03-01' });
export const Uuid = z.uuid();
export const StayTypeCode = z.enum(STAY_TYPES);
export const CareFeatureCode = z.enum(CARE_FEATURES);
export const RegionId = z
  .string()
  .regex(/^[a-z0-9-]{2,60}$/)
  .meta({ example: 'hoeksche-waard' });

export const MAX_STAY_NIGHTS = 365;

/**
 * A period in nights: arrival inclusive, departure exclusive, departure after arrival. Checked even when other
 * fields are wrong too, so the caller sees every problem at once.
 */
export function periodCheck(from: string, to: string, maxNights = MAX_STAY_NIGHTS) {
  const dateOf = (value: unknown, key: string) => {
    const date = (value as Record<string, unknown> | undefined)?.[key];
    return typeof date === 'string' && isIsoDate(date) ? date : undefined;
  };
  return z.superRefine<Record<string, unknown>>(
    (value, ctx) => {
      const start = dateOf(value, from)!;
      const end = dateOf(value, to)!;
      if (end <= start) {
        ctx.addIssue({ code: 'custom', path: [to], message: 'departure_before_arrival', params: { code: 'departure_before_arrival' } });
      } else if (nightsBetween(start, end) > maxNights) {
        ctx.addIssue({ code: 'custom', path: [to], message: 'period_too_long', params: { code: 'period_too_long', maximum: maxNights } });
      }
    },
    { when: (payload) => dateOf(payload.value, from) !== undefined && dateOf(payload.value, to) !== undefined },
  );
}

/** "a,b,c" in a query string becomes a list of known codes. */
export const FeatureList = z
  .string()
  .max(500)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(CareFeatureCode))
  .meta({ description: 'Comma-separated care features', example: 'secured_unit,dementia_specialised' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), detail: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const IdParams = z.strictObject({ id: Uuid });
