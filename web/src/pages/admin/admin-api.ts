import type { z } from 'zod';
import type { UserView } from '../../../../src/http/schemas/auth.schemas.ts';
import type {
  CoPaymentRule as CoPaymentRuleSchema,
  Entitlement as EntitlementSchema,
  LocationAdmin as LocationAdminSchema,
  Municipality as MunicipalitySchema,
  MunicipalityPostcode as MunicipalityPostcodeSchema,
  OrganisationAdmin,
  RegionAdmin as RegionAdminSchema,
} from '../../../../src/http/schemas/registry-admin.schemas.ts';
import type { Region } from '../../../../src/http/schemas/registry.schemas.ts';

/** What the administration pages read: the registry-administration and user endpoints, as the server's schemas say. */
export type RegionSummary = z.infer<typeof Region>;

export type RegionAdmin = z.infer<typeof RegionAdminSchema>;

export type Municipality = z.infer<typeof MunicipalitySchema>;

export type MunicipalityPostcode = z.infer<typeof MunicipalityPostcodeSchema>;

export type Organisation = z.infer<typeof OrganisationAdmin>;

export type LocationAdmin = z.infer<typeof LocationAdminSchema>;

export type Account = z.infer<typeof UserView>;

export type Entitlement = z.infer<typeof EntitlementSchema>;

export type CoPaymentRule = z.infer<typeof CoPaymentRuleSchema>;

/** A location whose provider has not confirmed its details for this many days is shown as out of date. */
export const STALE_AFTER_DAYS = 30;
