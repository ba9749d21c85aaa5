import { z } from 'zod';
import { ASSUMPTIONS, ASSUMPTION_KEYS, type AssumptionKey, STAKEHOLDERS } from '../../domain/mkba/assumptions.ts';
import { BENEFIT_LINES, COST_LINES, FIXED_COST_KINDS, SCENARIOS } from '../../domain/mkba/mkba.ts';
import { IsoDate, RegionId, periodCheck } from './common.ts';

/** An MKBA is a year's analysis: a period may be a year long, leap years included. */
export const MKBA_MAX_NIGHTS = 366;

/** A number as people type it: "12,5" or "12.5", at most two decimals. */
const Decimal = z
  .string()
  .max(20)
  .transform((text, ctx) => {
    const normal = text.trim().replace(',', '.');
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(normal)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_decimal', params: { code: 'invalid_decimal' } });
      return z.NEVER;
    }
    return Number(normal);
  });

export type OverrideField = `a.${AssumptionKey}`;
export const overrideField = (key: AssumptionKey): OverrideField => `a.${key}`;

/** `a.<key>=value` for each assumption, within its bounds. */
const OVERRIDES = Object.fromEntries(
  ASSUMPTIONS.map((assumption) => [
    overrideField(assumption.key),
    Decimal.pipe(z.number().min(assumption.min).max(assumption.max))
      .optional()
      .meta({ description: `${assumption.label.en} (${assumption.unit}); default ${assumption.defaultValue}` }),
  ]),
) as Record<OverrideField, z.ZodOptional<z.ZodPipe<typeof Decimal, z.ZodNumber>>>;

/** Either a calendar year or a period; checked even when other fields are wrong too, so every problem shows at once. */
function yearOrPeriod() {
  return z.superRefine<Record<string, unknown>>(
    (value, ctx) => {
      const has = (key: string) => value[key] !== undefined;
      if (has('year') && (has('from') || has('to'))) {
        ctx.addIssue({ code: 'custom', path: ['year'], message: 'year_or_period', params: { code: 'year_or_period' } });
      } else if (!has('year') && !has('from') && !has('to')) {
        ctx.addIssue({ code: 'custom', path: ['year'], message: 'required', params: { code: 'required' } });
      } else if (!has('year')) {
        for (const key of ['from', 'to'])
          if (!has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'required', params: { code: 'required' } });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

export const MkbaQuery = z
  .strictObject({
    regionId: RegionId,
    year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'A calendar year; or give from and to' }),
    from: IsoDate.optional().meta({ description: 'First day of the period (instead of year)' }),
    to: IsoDate.optional().meta({ description: 'Day after the period (exclusive end)' }),
    ...OVERRIDES,
  })
  .check(yearOrPeriod())
  .check(periodCheck('from', 'to', MKBA_MAX_NIGHTS));

export type MkbaQueryValues = z.infer<typeof MkbaQuery>;

const Text = z.object({ nl: z.string(), en: z.string() });
const Stakeholder = z.enum(STAKEHOLDERS);
const cents = z.number().int().meta({ description: 'Euro cents' });
const Financiers = z.object({ municipality: cents, insurer: cents, careOffice: cents });
const Payers = Financiers.extend({ client: cents });
const ScenarioNumbers = z.object({ positive: z.number(), conservative: z.number() });

export const MkbaSchema = z
  .object({
    region: z.object({ id: z.string(), name: z.string() }),
    period: z.object({ from: IsoDate, to: IsoDate.meta({ description: 'Exclusive end' }) }),
    threshold: z.number().int(),
    suppressed: z
      .boolean()
      .meta({ description: 'Fewer respite guests than the threshold: no figures, since they could point to a person' }),
    inputs: z
      .object({
        guests: z.number().int().meta({ description: 'Distinct clients with a respite stay (Wmo or Wlz) that took place in the period' }),
        stays: z.number().int(),
        nights: z.number().int().meta({ description: 'Nights of those stays inside the period' }),
        nightsWithoutTariff: z.number().int(),
        missingTariffs: z
          .array(z.object({ location: z.string(), stayType: z.string(), nights: z.number().int() }))
          .meta({ description: 'Where nights had no valid tariff; they are not in the costs' }),
        complete: z.boolean().meta({ description: 'false while any night lacks a tariff: the costs are then too low' }),
        workingSharePercent: z
          .number()
          .nullable()
          .meta({ description: 'Caregivers in paid work per the referrals; null when fewer than the threshold do or do not' }),
        costsCents: Payers.meta({ description: 'Nights of stays not paid by a reserved bed or a contract, at their tariffs' }),
        reservedBeds: z
          .object({ beds: z.number().int(), nights: z.number().int(), costsCents: Payers })
          .meta({ description: 'Beds kept for respite: every night of the period at the tariff, empty or not' }),
        fixedCosts: z.array(z.object({ kind: z.enum(FIXED_COST_KINDS), description: z.string(), costsCents: Financiers })),
      })
      .nullable(),
    assumptions: z.array(
      z.object({
        key: z.enum(ASSUMPTION_KEYS),
        label: Text,
        unit: z.enum(['percent', 'months', 'nights', 'days', 'euro_per_month', 'euro_per_night', 'euro_per_day', 'euro']),
        value: z.number(),
        conservativeValue: z.number(),
        defaultValue: z.number(),
        defaultOrigin: z.enum(['report', 'region']),
        changed: z.boolean(),
        expert: z.boolean().meta({ description: 'An expert estimate: halved in the conservative scenario' }),
        min: z.number(),
        max: z.number(),
        source: Text,
        gains: z.array(Stakeholder),
      }),
    ),
    scenarios: z
      .array(
        z.object({
          scenario: z.enum(SCENARIOS),
          lines: z.array(
            z.object({
              key: z.enum([...BENEFIT_LINES, ...COST_LINES]),
              kind: z.enum(['benefit', 'cost']),
              label: Text,
              cents,
              parts: z.array(z.object({ stakeholder: Stakeholder, cents })),
              formula: Text,
            }),
          ),
          stakeholders: z.array(
            z.object({ stakeholder: Stakeholder, label: Text, benefitsCents: cents, costsCents: cents, netCents: cents }),
          ),
          benefitsCents: cents,
          costsCents: cents,
          netCents: cents,
          ratio: z.number().nullable().meta({ description: 'Benefits per euro of cost, two decimals; null without costs' }),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'Mkba' });

/** Pilot year 2019: the application's MKBA of each pilot region beside the report's figures (euros). */
export const PilotYearSchema = z
  .object({
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        guests: z.number().int(),
        sources: Text,
        ours: z.object({ costs: z.number(), benefits: ScenarioNumbers, net: ScenarioNumbers, ratio: ScenarioNumbers.partial() }),
        report: z.object({ costs: z.number(), benefits: ScenarioNumbers, net: ScenarioNumbers, derivation: Text }),
        deviation: z
          .object({ costs: z.number(), benefits: ScenarioNumbers, net: ScenarioNumbers })
          .meta({ description: 'Ours against the report, as a fraction: 0.05 is 5 % more' }),
        lines: z.array(
          z.object({
            key: z.enum([...BENEFIT_LINES, ...COST_LINES]),
            kind: z.enum(['benefit', 'cost']),
            label: Text,
            positive: z.number(),
            conservative: z.number(),
            formula: Text,
          }),
        ),
      }),
    ),
    tolerance: z.number().meta({ description: 'The largest deviation the tests accept' }),
  })
  .meta({ id: 'MkbaPilotYear2019' });
