import type { Kysely } from 'kysely';
import { findUserByEmail } from '../data/account.repository.ts';
import type { Database } from '../data/schema.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';

export async function hasDemoAccounts(db: Kysely<Database>): Promise<boolean> {
  return (await findUserByEmail(db, DEMO_ACCOUNTS[0]!.email)) !== undefined;
}

/** The demo's sign-in details, so a newcomer can log in straight away (add the secret to an authenticator app). */
export function printDemoAccounts(): void {
  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    const factor = account.totpSecret ? `TOTP secret ${account.totpSecret}` : 'no second factor';
    console.log(`  ${ROLE_LABELS[account.role].en.padEnd(17)} ${account.email.padEnd(28)} ${factor}`);
  }
  console.log('  A current code: npm run totp -- <secret>\n');
}
