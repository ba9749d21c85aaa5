import type { DateRange } from '../dates.ts';
import type { AssumptionKey, AssumptionUnit, DefaultOrigin, Stakeholder } from './assumptions.ts';
import type { FixedCost, LineKey, MkbaInputs, Scenario } from './mkba.ts';

/** The MKBA as the API gives it (GET /api/policy/mkba) and the web page shows it: aggregates only. */
type Text = { nl: string; en: string };

export interface MkbaAssumption {
  key: AssumptionKey;
  label: Text;
  unit: AssumptionUnit;
  /** The value the positive scenario uses: the default unless the request changed it. */
  value: number;
  /** The value the conservative scenario uses: half of `value` for an expert estimate. */
  conservativeValue: number;
  defaultValue: number;
  defaultOrigin: DefaultOrigin;
  changed: boolean;
  expert: boolean;
  min: number;
  max: number;
  source: Text;
  gains: Stakeholder[];
}

export interface MkbaScenarioView {
  scenario: Scenario;
  lines: {
    key: LineKey;
    kind: 'benefit' | 'cost';
    label: Text;
    cents: number;
    parts: { stakeholder: Stakeholder; cents: number }[];
    formula: Text;
  }[];
  stakeholders: { stakeholder: Stakeholder; label: Text; benefitsCents: number; costsCents: number; netCents: number }[];
  benefitsCents: number;
  costsCents: number;
  netCents: number;
  ratio: number | null;
}

export interface MkbaReport {
  region: { id: string; name: string };
  /** `to` is exclusive. */
  period: DateRange;
  threshold: number;
  /** Fewer than `threshold` guests: no figures, since they could point to a person. */
  suppressed: boolean;
  inputs:
    | (Omit<MkbaInputs, 'fixedCosts'> & {
        fixedCosts: FixedCost[];
        nightsWithoutTariff: number;
        /** Where nights had no tariff: they are not in the costs, so the result is not complete. */
        missingTariffs: { location: string; stayType: string; nights: number }[];
        complete: boolean;
        workingSharePercent: number | null;
      })
    | null;
  assumptions: MkbaAssumption[];
  scenarios: MkbaScenarioView[] | null;
}

type ScenarioNumbers = { positive: number; conservative: number };

/** Pilot year 2019 as the API gives it (GET /api/policy/mkba/pilot-2019): ours beside the report's, in euros. */
export interface PilotYearReport {
  /** The largest deviation the tests accept, as a fraction. */
  tolerance: number;
  regions: {
    id: string;
    name: string;
    guests: number;
    sources: Text;
    ours: { costs: number; benefits: ScenarioNumbers; net: ScenarioNumbers; ratio: Partial<ScenarioNumbers> };
    report: { costs: number; benefits: ScenarioNumbers; net: ScenarioNumbers; derivation: Text };
    /** Ours against the report's, as a fraction: 0.05 is 5 % more. */
    deviation: { costs: number; benefits: ScenarioNumbers; net: ScenarioNumbers };
    lines: { key: LineKey; kind: 'benefit' | 'cost'; label: Text; positive: number; conservative: number; formula: Text }[];
  }[];
}
