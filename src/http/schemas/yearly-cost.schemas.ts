import { z } from 'zod';
import { FIXED_COST_KINDS } from '../../domain/mkba/mkba.ts';
import { IsoDate, Uuid } from './common.ts';

const Percent = z.number().int().min(0).max(100);
const Shares = z
  .strictObject({ municipality: Percent, insurer: Percent, careOffice: Percent })
  .meta({ description: 'Who pays, in whole percents that add up to 100' });

/** A region's yearly cost outside the tariffs; a contract names the location whose beds it pays. */
export const CreateYearlyCostBody = z
  .strictObject({
    kind: z.enum(FIXED_COST_KINDS),
    description: z.string().trim().min(1).max(200),
    locationId: Uuid.nullable().default(null).meta({ description: 'Required for an availability contract, not allowed otherwise' }),
    centsPerYear: z.number().int().min(0).max(2_000_000_000),
    shares: Shares,
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.validUntil !== null && value.validUntil <= value.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'end_before_start', params: { code: 'end_before_start' } });
    }
    if (value.shares.municipality + value.shares.insurer + value.shares.careOffice !== 100) {
      ctx.addIssue({ code: 'custom', path: ['shares'], message: 'shares_not_100', params: { code: 'shares_not_100' } });
    }
    if ((value.kind === 'availability_contract') !== (value.locationId !== null)) {
      const code = value.locationId === null ? 'required' : 'contract_only';
      ctx.addIssue({ code: 'custom', path: ['locationId'], message: code, params: { code } });
    }
  });

export const EndYearlyCostBody = z.strictObject({ validUntil: IsoDate });

export const YearlyCost = z
  .object({
    id: Uuid,
    regionId: z.string(),
    kind: z.enum(FIXED_COST_KINDS),
    description: z.string(),
    locationId: Uuid.nullable(),
    locationName: z.string().nullable(),
    centsPerYear: z.number().int(),
    shares: z.object({ municipality: z.number().int(), insurer: z.number().int(), careOffice: z.number().int() }),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable(),
  })
  .meta({ id: 'YearlyCost' });
