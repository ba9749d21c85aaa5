import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export interface MunicipalityRenames {
  regions: number;
  supportItems: number;
  coPaymentRules: number;
  /** Rules left under their former name because the new municipality already has a rule for those dates. */
  coPaymentConflicts: { municipality: string; validFrom: string }[];
}

/**
 * Stored municipality names follow the PC4 table, so a database made while the table still had the names of
 * before the mergers is brought up to date: regions, support items and co-payment rules. Idempotent, so it runs
 * on every start. A co-payment rule whose dates overlap a rule of the new municipality is not merged into it
 * (which rate holds is a decision for the administrator); it keeps its former name and is reported.
 */
export async function renameFormerMunicipalities(
  db: Kysely<Database>,
  formerNames: ReadonlyMap<string, string>,
): Promise<MunicipalityRenames> {
  const result: MunicipalityRenames = { regions: 0, supportItems: 0, coPaymentRules: 0, coPaymentConflicts: [] };
  if (formerNames.size === 0) return result;
  const former = [...formerNames.keys()];
  await db.transaction().execute(async (trx) => {
    const regions = await trx
      .selectFrom('region')
      .select(['id', 'municipalities'])
      .where(sql<boolean>`municipalities && ${sql.val(former)}::text[]`)
      .execute();
    for (const region of regions) {
      const renamed = [...new Set(region.municipalities.map((name) => formerNames.get(name) ?? name))];
      await trx.updateTable('region').set({ municipalities: renamed }).where('id', '=', region.id).execute();
    }
    result.regions = regions.length;

    // One statement for all names: this runs on every start.
    const items = await sql`
      UPDATE support_item s SET municipality = m.to_name
        FROM unnest(${sql.val(former)}::text[], ${sql.val([...formerNames.values()])}::text[]) AS m(from_name, to_name)
       WHERE s.municipality = m.from_name`.execute(trx);
    result.supportItems = Number(items.numAffectedRows ?? 0);

    const rules = await trx
      .selectFrom('co_payment_rule')
      .select(['id', 'municipality', 'valid_from', 'valid_until'])
      .where('municipality', 'in', former)
      .orderBy('valid_from')
      .execute();
    for (const rule of rules) {
      const to = formerNames.get(rule.municipality)!;
      const overlapping = await trx
        .selectFrom('co_payment_rule')
        .select('id')
        .where('municipality', '=', to)
        .where(
          sql<boolean>`daterange(valid_from, valid_until, '[)') && daterange(${rule.valid_from}::date, ${rule.valid_until}::date, '[)')`,
        )
        .executeTakeFirst();
      if (overlapping) {
        result.coPaymentConflicts.push({ municipality: rule.municipality, validFrom: String(rule.valid_from) });
        continue;
      }
      await trx.updateTable('co_payment_rule').set({ municipality: to }).where('id', '=', rule.id).execute();
      result.coPaymentRules += 1;
    }
  });
  return result;
}
