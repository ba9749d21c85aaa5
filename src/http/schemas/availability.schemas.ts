import { z } from 'zod';
import { FeatureList, IsoDate, RegionId, StayTypeCode, Uuid, periodCheck } from './common.ts';

export const SearchQuery = z
  .strictObject({
    regionId: RegionId,
    arrival: IsoDate,
    departure: IsoDate,
    stayType: StayTypeCode,
    features: FeatureList.optional(),
    includeNeighbours: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  })
  .check(periodCheck('arrival', 'departure'));

const DateRange = z.object({ from: IsoDate, to: IsoDate });

const UnitOption = z.object({
  unitId: Uuid,
  unitName: z.string(),
  kind: z.enum(['bed', 'home_night']),
  locationId: Uuid,
  locationName: z.string(),
  organisationName: z.string(),
  city: z.string(),
  pc4: z.string(),
  regionId: z.string(),
  features: z.array(z.string()),
  outsideRegion: z.boolean(),
});

export const SearchResponse = z
  .object({
    period: DateRange,
    regionIds: z.array(z.string()),
    free: z.array(UnitOption),
    partiallyFree: z.array(UnitOption.extend({ freeRanges: z.array(DateRange) })),
  })
  .meta({ id: 'AvailabilitySearchResult' });

export const MAX_GRID_DAYS = 186;

export const GridQuery = z
  .strictObject({
    regionId: RegionId,
    from: IsoDate,
    to: IsoDate.meta({ description: 'Exclusive end of the window' }),
    stayType: StayTypeCode.optional(),
    features: FeatureList.optional(),
    locationId: Uuid.optional(),
  })
  .check(periodCheck('from', 'to', MAX_GRID_DAYS));

export const GridResponse = z
  .object({
    window: DateRange,
    dates: z.array(IsoDate),
    units: z.array(
      UnitOption.extend({
        states: z.array(z.enum(['free', 'hold', 'booked', 'closed', 'not_admitting', 'inactive'])),
        occupations: z.array(
          z.object({
            kind: z.enum(['hold', 'booked', 'closed', 'not_admitting']),
            from: IsoDate,
            to: IsoDate,
            stayId: Uuid.nullable(),
            closureId: Uuid.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'OccupancyGrid' });

export const Alternatives = z
  .object({
    otherUnits: z.array(UnitOption.extend({ distanceKm: z.number() })),
    otherDates: z.array(DateRange),
  })
  .meta({ id: 'Alternatives' });
