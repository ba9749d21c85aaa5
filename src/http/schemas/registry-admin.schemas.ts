import { z } from 'zod';
import { STAY_TYPES } from '../../domain/stay-types.ts';
import { CareFeatureCode, IsoDate, RegionId, StayTypeCode, Uuid } from './common.ts';
import { Location, Unit } from './registry.schemas.ts';

/** Payloads for setting up and maintaining a region's registry (issue 12): one schema per payload. */

const Pc4 = z
  .string()
  .regex(/^[1-9][0-9]{3}$/)
  .meta({ example: '3262' });
const Name = z.string().trim().min(2).max(120);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || null)
    .nullable()
    .optional();
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\- ]{6,20}$/)
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));
const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);

export const AdmissionHoursBody = z
  .array(
    z.strictObject({ weekday: z.number().int().min(1).max(7), from: Time, until: Time }).refine((hours) => hours.from < hours.until, {
      path: ['until'],
      message: 'until_before_from',
      params: { code: 'until_before_from' },
    }),
  )
  .max(21);

export const CreateRegionBody = z.strictObject({
  name: Name,
  municipalities: z.array(z.string().trim().min(1).max(80)).min(1).max(40),
  postcodes: z
    .array(Pc4)
    .max(2000)
    .optional()
    .meta({ description: 'PC4 areas the region serves; left out: every address area of its municipalities' }),
  neighbours: z.array(RegionId).max(20).default([]),
});

export const UpdateRegionBody = z.strictObject({
  name: Name.optional(),
  municipalities: CreateRegionBody.shape.municipalities.optional(),
  postcodes: CreateRegionBody.shape.postcodes,
  neighbours: z.array(RegionId).max(20).optional(),
});

export const RegionAdmin = z
  .object({
    id: RegionId,
    name: z.string(),
    municipalities: z.array(z.string()),
    postcodes: z.array(z.string()),
    neighbours: z.array(z.string()),
  })
  .meta({ id: 'RegionAdmin' });

export const Municipality = z
  .object({ name: z.string(), province: z.string(), postcodeCount: z.number().int() })
  .meta({ id: 'Municipality' });

export const MunicipalityParams = z.strictObject({ name: z.string().min(1).max(80) });

export const MunicipalityPostcode = z
  .object({
    pc4: z.string(),
    place: z.string(),
    kind: z.enum(['address', 'postbox', 'address_and_postbox', 'unknown']),
    regionId: z.string().nullable().meta({ description: 'The region that serves it now, if any' }),
  })
  .meta({ id: 'MunicipalityPostcode' });

export const CreateOrganisationBody = z.strictObject({
  name: Name,
  agbCode: z
    .string()
    .regex(/^[0-9]{8}$/)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  contactName: OptionalText(120),
  contactEmail: z
    .email()
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  contactPhone: Phone,
});

export const UpdateOrganisationBody = CreateOrganisationBody.partial();

export const OrganisationAdmin = z
  .object({
    id: Uuid,
    name: z.string(),
    agbCode: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    locationCount: z.number().int(),
  })
  .meta({ id: 'OrganisationAdmin' });

const LocationFields = {
  name: Name,
  street: z.string().trim().min(1).max(120),
  houseNumber: z.string().trim().min(1).max(20),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/)
    .transform((code) => `${code.slice(0, 4)} ${code.slice(-2)}`),
  city: z.string().trim().min(1).max(80),
  latitude: z.number().min(50.7).max(53.6).nullable().optional().meta({ description: 'Left out: the centre of the postcode area (PC4)' }),
  longitude: z.number().min(3.3).max(7.3).nullable().optional(),
  features: z.array(CareFeatureCode).max(10).default([]),
  admissionHours: AdmissionHoursBody.default([]),
  phone: Phone,
  description: OptionalText(2000),
  homeliness: OptionalText(2000),
};

export const CreateLocationBody = z.strictObject({ organisationId: Uuid, regionId: RegionId, ...LocationFields });

export const UpdateLocationBody = z.strictObject({
  organisationId: Uuid.optional(),
  regionId: RegionId.optional(),
  name: LocationFields.name.optional(),
  street: LocationFields.street.optional(),
  houseNumber: LocationFields.houseNumber.optional(),
  postcode: LocationFields.postcode.optional(),
  city: LocationFields.city.optional(),
  latitude: LocationFields.latitude,
  longitude: LocationFields.longitude,
  features: z.array(CareFeatureCode).max(10).optional(),
  admissionHours: AdmissionHoursBody.optional(),
  phone: LocationFields.phone,
  description: LocationFields.description,
  homeliness: LocationFields.homeliness,
});

export const LocationAdmin = Location.extend({
  unitCount: z.number().int(),
  notAdmittingUnits: z.number().int().meta({ description: 'Units that take no guests today for want of staff' }),
  notAdmittingUntil: IsoDate.nullable().meta({ description: 'The latest expected end of those' }),
}).meta({ id: 'LocationAdmin' });

export const LocationListQuery = z.strictObject({
  regionId: RegionId.optional(),
  organisationId: Uuid.optional(),
});

const Cents = z.number().int().min(0).max(10_000_00);

/** `validUntil` (or `activeUntil`), when given, lies after the first day. */
function endsAfterStart(from: string, until: string) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const start = value[from];
    const end = value[until];
    if (typeof start === 'string' && typeof end === 'string' && end <= start) {
      ctx.addIssue({ code: 'custom', path: [until], message: 'end_before_start', params: { code: 'end_before_start' } });
    }
  };
}

const StayTypes = z.array(StayTypeCode).min(1).max(STAY_TYPES.length);

export const CreateUnitBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(['bed', 'home_night']).default('bed'),
    acceptedStayTypes: StayTypes,
    reservedFor: StayTypeCode.nullable().default(null).meta({ description: 'Reserved for this one kind of stay; null: flexible' }),
    features: z.array(CareFeatureCode).max(10).default([]),
    activeFrom: IsoDate,
    activeUntil: IsoDate.nullable().default(null),
  })
  .superRefine(endsAfterStart('activeFrom', 'activeUntil'));

export const UpdateUnitBody = z.strictObject({
  name: CreateUnitBody.shape.name.optional(),
  acceptedStayTypes: StayTypes.optional(),
  reservedFor: StayTypeCode.nullable().optional(),
  features: z.array(CareFeatureCode).max(10).optional(),
});

export const RetireUnitBody = z.strictObject({
  from: IsoDate.meta({ description: 'First day the unit is no longer in use' }),
  moves: z
    .array(z.strictObject({ stayId: Uuid, unitId: Uuid }))
    .max(100)
    .default([])
    .meta({ description: 'Stays on the unit from that day, each moved to the unit named first (see the alternatives of a 409)' }),
});

export const UnitAdmin = Unit.extend({ locationId: Uuid }).meta({ id: 'UnitAdmin' });

export const CreateTariffBody = z
  .strictObject({
    stayType: StayTypeCode,
    funding: z.enum(['in_kind', 'personal_budget']).default('in_kind'),
    housingCents: Cents.default(0),
    stayCents: Cents.default(0),
    careCents: Cents.default(0),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().default(null).meta({ description: 'First day no longer valid; null: until further notice' }),
  })
  .superRefine(endsAfterStart('validFrom', 'validUntil'));

export const TariffAdmin = z
  .object({
    id: Uuid,
    locationId: Uuid,
    stayType: z.string(),
    funding: z.enum(['in_kind', 'personal_budget']),
    housingCents: z.number().int(),
    stayCents: z.number().int(),
    careCents: z.number().int(),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable(),
  })
  .meta({ id: 'TariffAdmin' });

export const CreateCoPaymentBody = z
  .strictObject({
    municipality: z.string().trim().min(1).max(80),
    centsPerNight: Cents,
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().default(null),
  })
  .superRefine(endsAfterStart('validFrom', 'validUntil'));

export const CoPaymentRule = z
  .object({
    id: Uuid,
    municipality: z.string(),
    centsPerNight: z.number().int(),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable(),
  })
  .meta({ id: 'CoPaymentRule' });

export const Entitlement = z
  .strictObject({
    municipality: z.string().trim().min(1).max(80),
    crisisMaxNights: z
      .number()
      .int()
      .min(1)
      .max(366)
      .nullable()
      .meta({ description: 'The longest Wmo crisis stay the municipality pays, in nights; null: no limit' }),
    respiteNightsPerYear: z
      .number()
      .int()
      .min(0)
      .max(366)
      .nullable()
      .meta({ description: 'Wmo respite nights a client has per calendar year; null: no limit' }),
  })
  .meta({ id: 'Entitlement' });
