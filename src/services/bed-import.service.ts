import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { pc4Area } from '../data/pc4-table.ts';
import * as registry from '../data/registry-admin.repository.ts';
import type { Database } from '../data/schema.ts';
import { type ImportIssue, readImportSheet } from '../domain/registry/bed-import-rows.ts';
import { type PlannedRow, planBedImport } from '../domain/registry/bed-import.ts';

export interface ImportReport {
  /** True when the import was written; a dry run, or a sheet with any issue, writes nothing. */
  applied: boolean;
  summary: { organisations: number; locations: number; unitsCreated: number; unitsChanged: number; unitsUnchanged: number };
  rows: PlannedRow[];
  issues: ImportIssue[];
}

/**
 * A region's bed list from a sheet. The dry run reports per row what would be created or changed and every
 * problem with its line and column; the import itself writes all of it in one transaction, or nothing while any
 * problem remains. Changing what an existing unit takes is refused for a row whose change would strand stays.
 */
export async function importBeds(db: Kysely<Database>, csv: string, options: { dryRun: boolean; today: string }): Promise<ImportReport> {
  const sheet = readImportSheet(csv, options.today);
  const existing = await registry.registryForImport(db);
  const plan = planBedImport(sheet.rows, { ...existing, knownPc4: (pc4) => pc4Area(pc4) !== undefined });
  const issues = [...sheet.issues, ...plan.issues];
  for (const change of plan.unitChanges) {
    const stranded = await registry.occupyingStaysFrom(db, change.unitId, options.today, change.acceptedStayTypes);
    if (stranded.length > 0)
      issues.push({ line: change.line, column: 'verblijf', code: 'unit_has_stays', params: { count: stranded.length } });
  }
  issues.sort((a, b) => a.line - b.line);
  const report: ImportReport = {
    applied: false,
    summary: {
      organisations: plan.newOrganisations.length,
      locations: plan.newLocations.length,
      unitsCreated: plan.newUnits.length,
      unitsChanged: plan.unitChanges.length,
      unitsUnchanged: plan.rows.filter((row) => row.unit.action === 'unchanged').length,
    },
    rows: plan.rows,
    issues,
  };
  if (options.dryRun || issues.length > 0 || plan.rows.length === 0) return report;

  await withTransaction(db, async (trx) => {
    // New records are known by their key in the plan, existing ones by their id.
    const ids = new Map<string, string>([...existing.organisations, ...existing.locations].map((record) => [record.id, record.id]));
    for (const organisation of plan.newOrganisations) ids.set(organisation.key, await registry.insertOrganisation(trx, organisation));
    for (const location of plan.newLocations) {
      const area = pc4Area(location.row.postcode.slice(0, 4))!;
      ids.set(
        location.key,
        await registry.insertLocation(trx, {
          organisationId: ids.get(location.organisationKey)!,
          regionId: location.regionId,
          name: location.row.name,
          street: location.row.street,
          houseNumber: location.row.houseNumber,
          postcode: location.row.postcode,
          city: location.row.city,
          pc4: area.pc4,
          latitude: area.latitude,
          longitude: area.longitude,
          features: [],
          admissionHours: [],
          phone: null,
          description: null,
          homeliness: null,
        }),
      );
    }
    for (const unit of plan.newUnits) {
      await registry.insertUnit(trx, { ...unit.row, locationId: ids.get(unit.locationKey)!, activeUntil: null });
    }
    for (const change of plan.unitChanges) await registry.updateUnitRow(trx, change.unitId, change);
  });
  return { ...report, applied: true };
}
