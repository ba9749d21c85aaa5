import { loadConfig } from '../config.ts';
import { runRetention } from '../services/privacy.service.ts';
import { openDatabase } from '../data/open-database.ts';

/**
 * `npm run retention [-- --dry-run] [-- --months N]`: anonymise clients whose file has been closed longer than the
 * retention period (RETENTION_MONTHS). The server does this every night; this is the same job by hand.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const monthsArg = args.indexOf('--months');
  const months = monthsArg >= 0 ? Number(args[monthsArg + 1]) : config.retentionMonths;
  if (!Number.isInteger(months) || months < 1) throw new Error('--months needs a whole number of months (1 or more)');
  const dryRun = args.includes('--dry-run');
  const { handle, lock } = await openDatabase(config);
  try {
    console.error(`Retention: clients closed more than ${months} months ago${dryRun ? ' (dry run, nothing changes)' : ''} …`);
    const result = await runRetention(handle.db, { months, dryRun, onProgress: (done) => console.error(`  ${done} anonymised`) });
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
    lock?.release();
  }
}

main().catch((error: unknown) => {
  console.error('Retention failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
