import type { Kysely } from 'kysely';
import { type StayForCosts, coPaymentRulesOf, findStayForCosts, findStaysInMonth, tariffsOf } from '../data/costs.repository.ts';
import { pc4Area } from '../data/pc4-table.ts';
import type { Database } from '../data/schema.ts';
import { type CostLine, type Financier, type SplitMode, financierOf, stayCosts } from '../domain/costs.ts';
import { AppError, notFound } from '../errors.ts';
import { dutchCsv, dutchEuros } from './dutch-csv.ts';
import { type Scope, assertStayInScope } from './scope.ts';

const municipalityOf = (pc4: string | null) => (pc4 ? pc4Area(pc4)?.municipality : undefined) ?? 'onbekend';

async function linesOf(db: Kysely<Database>, stay: StayForCosts, mode: SplitMode): Promise<CostLine[]> {
  const result = stayCosts(
    { stayType: stay.stay_type, arrival: stay.arrival, departure: stay.departure },
    await tariffsOf(db, stay.location_id, stay.stay_type),
    await coPaymentRulesOf(db, municipalityOf(stay.pc4)),
    mode,
  );
  if (!result.ok) {
    throw new AppError('no_tariff', {
      params: { location: stay.location_name, first: result.nightsWithoutTariff[0]!, nights: result.nightsWithoutTariff.length },
    });
  }
  return result.lines;
}

export async function costsOfStay(db: Kysely<Database>, scope: Scope, stayId: string, mode: SplitMode) {
  await assertStayInScope(db, scope, stayId);
  const stay = await findStayForCosts(db, stayId);
  if (!stay) throw notFound('stay');
  const lines = await linesOf(db, stay, mode);
  return {
    stayId: stay.id,
    clientId: stay.client_id,
    route: financierOf(stay.stay_type),
    split: mode,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.cents, 0),
  };
}

export interface ClaimLine {
  reference: string;
  stayId: string;
  financier: Financier;
  municipality: string;
  clientId: string;
  clientName: string;
  dateOfBirth: string | null;
  bsn: string | null;
  location: string;
  stayType: string;
  nights: number;
  cents: number;
}

/**
 * The claims of one month for one financier: one line per case (stay) with the nights of that month and their amount.
 * A stay without a valid tariff cannot be claimed: it is listed apart, so nothing is left out unnoticed.
 */
export async function monthlyClaims(db: Kysely<Database>, month: string, financier: Financier, mode: SplitMode) {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const start = `${month}-01`;
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  const claims: ClaimLine[] = [];
  const withoutTariff: string[] = [];
  for (const stayId of await findStaysInMonth(db, start, next)) {
    const stay = (await findStayForCosts(db, stayId))!;
    let lines: CostLine[];
    try {
      lines = await linesOf(db, stay, mode);
    } catch (error) {
      if (error instanceof AppError && error.code === 'no_tariff') {
        withoutTariff.push(stayId);
        continue;
      }
      throw error;
    }
    const line = lines.find((candidate) => candidate.month === month && candidate.financier === financier);
    if (!line) continue;
    claims.push({
      reference: stay.reference ?? stay.id.slice(0, 8),
      stayId: stay.id,
      financier,
      municipality: municipalityOf(stay.pc4),
      clientId: stay.client_id,
      clientName: stay.client_name,
      dateOfBirth: stay.date_of_birth,
      bsn: stay.bsn,
      location: stay.location_name,
      stayType: stay.stay_type,
      nights: line.nights,
      cents: line.cents,
    });
  }
  return { claims, withoutTariff };
}

/** Semicolon CSV with a BOM and decimal commas, as Dutch spreadsheet programs read it. */
export function claimsCsv(claims: readonly ClaimLine[]): string {
  return dutchCsv(
    [
      'dossier',
      'verblijf_id',
      'financier',
      'gemeente',
      'client',
      'geboortedatum',
      'bsn',
      'locatie',
      'soort_verblijf',
      'nachten',
      'bedrag_eur',
    ],
    claims.map((claim) => [
      claim.reference,
      claim.stayId,
      claim.financier,
      claim.municipality,
      claim.clientName,
      claim.dateOfBirth ?? '',
      claim.bsn ?? '',
      claim.location,
      claim.stayType,
      claim.nights,
      dutchEuros(claim.cents),
    ]),
  );
}
