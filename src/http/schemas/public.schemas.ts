import { z } from 'zod';
import { MAX_DAYS_AHEAD, PUBLIC_AVAILABILITY, WEEK_NIGHTS } from '../../domain/public-calendar.ts';
import { IsoDate, StayTypeCode, Uuid } from './common.ts';

export const LocationWeekQuery = z.strictObject({
  from: IsoDate.optional().meta({
    description: `First night of the week; today when left out. From today up to ${MAX_DAYS_AHEAD} days ahead.`,
  }),
});

export const LocationWeek = z
  .object({
    locationId: Uuid,
    from: IsoDate,
    to: IsoDate.meta({ description: 'Exclusive: the morning after the last night' }),
    dates: z.array(IsoDate).meta({ description: `The ${WEEK_NIGHTS} nights, in order` }),
    stayTypes: z.array(z.object({
      stayType: StayTypeCode,
      days: z.array(z.enum(PUBLIC_AVAILABILITY)).meta({ description: 'One per night of `dates`' }),
    })).meta({ description: 'Each stay type the location takes while in use this week' }),
    previousFrom: IsoDate.nullable().meta({ description: 'Start of the week before; null when this week starts today' }),
    nextFrom: IsoDate.nullable().meta({ description: 'Start of the week after; null beyond the last week that may be asked for' }),
  })
  .meta({ id: 'PublicLocationWeek' });
