import { z } from 'zod';
import { PLANNED_CLOSURE_REASONS } from '../../domain/provider/closures.ts';
import { IsoDate, RegionId, Uuid, periodCheck } from './common.ts';

export const Region = z
  .object({
    id: z.string(),
    name: z.string(),
    municipalities: z.array(z.string()),
    neighbours: z.array(z.string()),
    postcodeCount: z.number().int(),
    unitCount: z.number().int(),
  })
  .meta({ id: 'Region' });

export const RegionParams = z.strictObject({ regionId: RegionId });

const AdmissionHours = z.object({ weekday: z.number().int().min(1).max(7), from: z.string(), until: z.string() });

/** A bed or night of care at home, as the registry describes it to everyone who may see the location. */
export const Unit = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(['bed', 'home_night']),
  acceptedStayTypes: z.array(z.string()),
  reservedFor: z.string().nullable(),
  features: z.array(z.string()),
  activeFrom: IsoDate,
  activeUntil: IsoDate.nullable(),
});

export const Location = z
  .object({
    id: Uuid,
    organisationId: Uuid,
    organisationName: z.string(),
    regionId: z.string(),
    name: z.string(),
    street: z.string(),
    houseNumber: z.string(),
    postcode: z.string(),
    city: z.string(),
    pc4: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    features: z.array(z.string()),
    admissionHours: z.array(AdmissionHours),
    phone: z.string().nullable(),
    description: z.string().nullable().meta({ description: 'For the public page: what kind of house it is, where it is' }),
    homeliness: z.string().nullable().meta({ description: 'For the public page: what makes a stay there feel like home' }),
    confirmedAt: z.string().meta({ description: "When the provider last confirmed this location's data" }),
  })
  .meta({ id: 'Location' });

export const LocationDetail = Location.extend({
  units: z.array(Unit),
  photos: z
    .array(z.object({ id: Uuid, alt: z.string() }))
    .meta({ description: 'For the public page; the image itself at GET /locations/{id}/photos/{photoId}' }),
  tariffs: z.array(
    z.object({
      stayType: z.string(),
      funding: z.enum(['in_kind', 'personal_budget']),
      housingCents: z.number().int(),
      stayCents: z.number().int(),
      careCents: z.number().int(),
      validFrom: IsoDate,
      validUntil: IsoDate.nullable(),
    }),
  ),
}).meta({ id: 'LocationDetail' });

export const CreateClosureBody = z
  .strictObject({
    startsOn: IsoDate,
    endsOn: IsoDate.meta({ description: 'First day open again' }),
    reason: z.enum(PLANNED_CLOSURE_REASONS),
    note: z.string().trim().max(500).optional(),
  })
  .check(periodCheck('startsOn', 'endsOn', 731));

export const Closure = z
  .object({
    id: Uuid,
    unitId: Uuid,
    startsOn: IsoDate,
    endsOn: IsoDate,
    reason: z.enum(PLANNED_CLOSURE_REASONS),
    note: z.string().nullable(),
    affectedStayIds: z.array(Uuid).meta({ description: 'Stays already planned in the closed period; they are kept' }),
  })
  .meta({ id: 'Closure' });

export const CreateClientBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  dateOfBirth: IsoDate.nullable().default(null),
  pc4: z
    .string()
    .regex(/^[1-9][0-9]{3}$/)
    .nullable()
    .default(null),
});

export const Client = z
  .object({ id: Uuid, name: z.string(), dateOfBirth: IsoDate.nullable(), pc4: z.string().nullable() })
  .meta({ id: 'Client' });

export const ClientExport = z
  .object({
    exportedAt: z.string(),
    client: z.object({
      id: Uuid,
      name: z.string(),
      dateOfBirth: IsoDate.nullable(),
      pc4: z.string().nullable(),
      registeredAt: z.string(),
      anonymisedAt: z.string().nullable(),
    }),
    stays: z.array(
      z.object({
        id: Uuid,
        stayType: z.string(),
        arrival: IsoDate,
        departure: IsoDate,
        status: z.string(),
        cancelReason: z.string().nullable(),
        location: z.string(),
        unit: z.string(),
        seriesId: Uuid.nullable(),
      }),
    ),
    series: z.array(z.object({ id: Uuid, rrule: z.string(), nights: z.number().int() })),
    caregiverCheckIns: z
      .array(
        z.object({
          takenAt: z.string(),
          takenBy: z.enum(['caregiver', 'coordinator']),
          score: z.number().int(),
          answers: z.record(z.string(), z.string()),
        }),
      )
      .meta({ description: "The caregiver's burden screenings (yearly check-in), oldest first" }),
  })
  .meta({ id: 'ClientExport' });

export const ClientErased = z.object({ id: Uuid, anonymisedAt: z.string() }).meta({ id: 'ClientErased' });
