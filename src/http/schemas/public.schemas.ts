import { z } from 'zod';
import { MAX_DAYS_AHEAD, PUBLIC_AVAILABILITY, WEEK_NIGHTS } from '../../domain/public-calendar.ts';
import { REFERRAL_KINDS } from '../../domain/referral.ts';
import { REFERRAL_STATUSES } from '../../domain/referral-lifecycle.ts';
import { IsoDate, StayTypeCode, Uuid } from './common.ts';

export const LocationWeekQuery = z.strictObject({
  from: IsoDate.optional().meta({
    description: `First night of the week; today when left out. From today up to ${MAX_DAYS_AHEAD} days ahead.`,
  }),
});

export const LocationMonthQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .meta({ description: 'YYYY-MM; this month when left out, at most 12 months ahead', example: '2027-03' }),
});

export const LocationMonth = z
  .object({
    locationId: Uuid,
    month: z.string(),
    dates: z.array(IsoDate).meta({ description: 'The nights of the month still to come, in order' }),
    stayTypes: z.array(
      z.object({
        stayType: StayTypeCode,
        days: z.array(z.enum(PUBLIC_AVAILABILITY)).meta({ description: 'One per night of `dates`' }),
      }),
    ),
    previousMonth: z.string().nullable(),
    nextMonth: z.string().nullable(),
  })
  .meta({ id: 'PublicLocationMonth' });

export const LocationWeek = z
  .object({
    locationId: Uuid,
    from: IsoDate,
    to: IsoDate.meta({ description: 'Exclusive: the morning after the last night' }),
    dates: z.array(IsoDate).meta({ description: `The ${WEEK_NIGHTS} nights, in order` }),
    stayTypes: z
      .array(
        z.object({
          stayType: StayTypeCode,
          days: z.array(z.enum(PUBLIC_AVAILABILITY)).meta({ description: 'One per night of `dates`' }),
        }),
      )
      .meta({ description: 'Each stay type the location takes while in use this week' }),
    previousFrom: IsoDate.nullable().meta({ description: 'Start of the week before; null when this week starts today' }),
    nextFrom: IsoDate.nullable().meta({ description: 'Start of the week after; null beyond the last week that may be asked for' }),
  })
  .meta({ id: 'PublicLocationWeek' });

export const MAX_GLANCE_WEEKS = 8;

export const NearbyQuery = z.strictObject({
  // Only the four digits count (the letters would not bring a place nearer); "3262", "3262 GD" and "3262gd" all do.
  postcode: z
    .string()
    .trim()
    .max(10)
    .refine((value) => /^[1-9]\d{3}(\s*[a-zA-Z]{2})?$/.test(value), { params: { code: 'invalid_postcode' } })
    .transform((value) => value.slice(0, 4))
    .meta({ description: 'The home postcode, or its four digits', example: '3262 GD' }),
  stayType: StayTypeCode.default('respite'),
  weeks: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_GLANCE_WEEKS)
    .default(4)
    .meta({ description: 'How many weeks from today to show at a glance' }),
});

export const NearbyLocations = z
  .object({
    postcode: z.string().meta({ description: 'The four digits searched from' }),
    place: z.string(),
    municipality: z.string(),
    locations: z
      .array(
        z.object({
          id: Uuid,
          name: z.string(),
          organisationName: z.string(),
          city: z.string(),
          distanceKm: z.number().meta({ description: 'As the crow flies from the middle of the postcode area' }),
          description: z.string().nullable(),
          homeliness: z.string().nullable(),
          features: z.array(z.string()),
          phone: z.string().nullable(),
          photo: z
            .object({ id: Uuid, alt: z.string() })
            .nullable()
            .meta({ description: 'The image at GET /locations/{id}/photos/{photoId}' }),
          tariffCentsPerNight: z
            .number()
            .int()
            .nullable()
            .meta({ description: 'What a night costs, paid by the financier (Wmo, Zvw or Wlz)' }),
          coPaymentCentsPerNight: z
            .number()
            .int()
            .nullable()
            .meta({ description: "The municipality's usual co-payment (eigen bijdrage) a night, for a Wmo stay" }),
          weeks: z.array(z.object({ from: IsoDate, availability: z.enum(PUBLIC_AVAILABILITY) })).meta({
            description:
              'From today, week by week: full (no night with a place), free (every night two or more places, or the only one), limited otherwise',
          }),
        }),
      )
      .meta({ description: 'The nearest locations that take the stay type, nearest first, at most 10' }),
  })
  .meta({ id: 'NearbyLocations' });

export const StatusToken = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const StatusStayParams = StatusToken.extend({ stayId: Uuid });

export const AccessPointContact = z
  .object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    hours: z
      .string()
      .nullable()
      .meta({ description: 'When the access point answers the phone, in words, e.g. "maandag tot en met vrijdag van 9 tot 17 uur"' }),
  })
  .meta({ id: 'AccessPointContact' });

export const AccessPointContactBody = z.strictObject({
  phone: z.string().trim().max(30).nullable(),
  email: z.email().max(254).nullable(),
  hours: z.string().trim().max(200).nullable(),
});

export const PublicStatus = z
  .object({
    reference: z.string(),
    kind: z.enum(REFERRAL_KINDS),
    status: z.enum(REFERRAL_STATUSES),
    sentAt: z.string(),
    wishedArrival: IsoDate.nullable(),
    wishedDeparture: IsoDate.nullable(),
    canChange: z
      .boolean()
      .meta({ description: 'Before a place is held or booked the caregiver may change the dates or note, or withdraw the request, here' }),
    message: z.string().nullable().meta({ description: "The caregiver's own note to the access point" }),
    stays: z
      .array(
        z.object({
          id: Uuid,
          status: z.string(),
          arrival: IsoDate,
          departure: IsoDate,
          locationName: z.string(),
        }),
      )
      .meta({ description: 'Places held or booked for the request; each as .ics at .../stays/{stayId}/calendar.ics' }),
    accessPoint: AccessPointContact,
    contactPerson: z.string().nullable().meta({ description: "The caregiver's fixed contact person at the central point, once named" }),
    checkIn: z.object({
      asked: z
        .boolean()
        .meta({ description: 'Ask "how are you doing?" now: no screening in the past year, or the yearly check-in is due' }),
      optedOut: z.boolean().meta({ description: 'The caregiver said no to the yearly check-in' }),
    }),
  })
  .meta({ id: 'PublicRequestStatus' });

export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
