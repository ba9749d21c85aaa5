import { z } from 'zod';
import { IMPORT_COLUMNS } from '../../domain/registry/bed-import-columns.ts';

/** At most 2 000 rows of a bed list, as text; the route accepts a body this large, and no other does. */
export const IMPORT_BODY_LIMIT_BYTES = 1024 * 1024;

export const BedImportBody = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(IMPORT_BODY_LIMIT_BYTES)
      .meta({
        description: `The sheet as CSV (semicolons as Excel saves it, or commas), a header row with the columns ${IMPORT_COLUMNS.join(', ')}`,
      }),
    dryRun: z.boolean().default(true).meta({ description: 'true (the default): only report what would happen' }),
  })
  .meta({ id: 'BedImportBody' });

const Action = z.enum(['create', 'existing']);

export const BedImportReport = z
  .object({
    applied: z.boolean().meta({ description: 'Written; false for a dry run or while any issue remains' }),
    summary: z.object({
      organisations: z.number().int(),
      locations: z.number().int(),
      unitsCreated: z.number().int(),
      unitsChanged: z.number().int(),
      unitsUnchanged: z.number().int(),
    }),
    rows: z.array(
      z.object({
        line: z.number().int(),
        organisation: z.object({ name: z.string(), action: Action }),
        location: z.object({ name: z.string(), action: Action }),
        unit: z.object({ name: z.string(), action: z.enum(['create', 'update', 'unchanged']), changes: z.array(z.string()) }),
      }),
    ),
    issues: z.array(
      z.object({
        line: z.number().int().meta({ description: 'The line of the sheet (1 is the header); 0 for the sheet as a whole' }),
        column: z.enum(IMPORT_COLUMNS).nullable(),
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
  })
  .meta({ id: 'BedImportReport' });
