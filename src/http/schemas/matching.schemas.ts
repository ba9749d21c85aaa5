import { z } from 'zod';
import { IsoDate, StayTypeCode, Uuid, periodCheck } from './common.ts';

export const ProposalQuery = z
  .strictObject({ arrival: IsoDate.optional(), departure: IsoDate.optional() })
  .check(periodCheck('arrival', 'departure'));

const Proposal = z.object({
  unitId: Uuid,
  unitName: z.string(),
  locationId: Uuid,
  locationName: z.string(),
  organisationName: z.string(),
  regionId: z.string(),
  stayType: StayTypeCode,
  distanceKm: z.number().nullable(),
  outsideRegion: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const Proposals = z
  .object({
    period: z.object({ from: IsoDate, to: IsoDate }),
    stayTypes: z.array(StayTypeCode),
    disposition: z.string(),
    requiredFeatures: z.array(z.string()).meta({ description: 'What the guest needs (from the triage): every proposal offers it' }),
    outsideEveryRegion: z
      .boolean()
      .meta({ description: "The client's home postcode lies outside every region: proposals come from the nearest regions" }),
    warnings: z
      .array(z.object({ stayType: StayTypeCode, code: z.enum(['crisis_over_maximum', 'respite_nights_over_year']), text: z.string() }))
      .meta({ description: "Entitlements of the client's municipality this period would cross: warn before booking" }),
    proposals: z.array(Proposal),
    nearMisses: z
      .array(Proposal.extend({ missingFeatures: z.array(z.string()) }))
      .meta({ description: 'Free units that lack some required features: a coordinator may book one with featureOverride and a reason' }),
  })
  .meta({ id: 'Proposals' });
