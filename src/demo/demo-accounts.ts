import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { Role } from '../domain/roles.ts';
import { hashPassword } from '../services/auth/password-hash.ts';
import { DEMO_ORGANISATIONS } from './pilot-regions.ts';

/**
 * One account per role for the demo, printed at `npm start`. The password and the TOTP secrets are public by
 * design: the demo holds fictional people only, and the demo is never seeded into a server unless asked.
 */
export const DEMO_PASSWORD = 'logeren-in-de-regio';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Key of a demo organisation, or the demo GP practice. */
  readonly organisationKey: string | null;
  /** Base32; null for a role that needs no second factor and has not set one up. */
  readonly totpSecret: string | null;
}

const GP_PRACTICE = { key: 'huisartsen-oud-beijerland', name: 'Huisartsenpraktijk Oud-Beijerland (fictief)', agbCode: '01990101' };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'beheer@adempauze.demo',
    name: 'Bram Beheer',
    role: 'administrator',
    organisationKey: null,
    totpSecret: 'JBSWY3DPEHPK3PXPADEMOAAAAA',
  },
  {
    email: 'coordinator@adempauze.demo',
    name: 'Cora Coördinator',
    role: 'coordinator',
    organisationKey: null,
    totpSecret: 'JBSWY3DPEHPK3PXPADEMOBBBBB',
  },
  {
    email: 'huisarts@adempauze.demo',
    name: 'Hanneke Huisarts',
    role: 'referrer',
    organisationKey: GP_PRACTICE.key,
    totpSecret: 'JBSWY3DPEHPK3PXPADEMOCCCCC',
  },
  {
    email: 'planner@alerimus.demo',
    name: 'Peter Planner',
    role: 'provider_planner',
    organisationKey: 'alerimus',
    totpSecret: 'JBSWY3DPEHPK3PXPADEMODDDDD',
  },
  { email: 'beleid@adempauze.demo', name: 'Bea Beleid', role: 'policy_viewer', organisationKey: null, totpSecret: null },
];

/** Inserts the demo GP practice and the accounts, inside the demo seed's transaction; answers rows per table. */
export async function seedDemoAccounts(trx: Transaction<Database> | Kysely<Database>): Promise<{ organisation: number; app_user: number }> {
  await trx.insertInto('organisation').values({ name: GP_PRACTICE.name, agb_code: GP_PRACTICE.agbCode }).execute();
  const organisations = await trx.selectFrom('organisation').select(['id', 'name']).execute();
  const names = new Map([...DEMO_ORGANISATIONS, GP_PRACTICE].map((organisation) => [organisation.key, organisation.name]));
  const idOf = (key: string) => organisations.find((organisation) => organisation.name === names.get(key))?.id ?? null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await trx
    .insertInto('app_user')
    .values(
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        name: account.name,
        role: account.role,
        organisation_id: account.organisationKey ? idOf(account.organisationKey) : null,
        password_hash: passwordHash,
        totp_secret: account.totpSecret,
        totp_enabled: account.totpSecret !== null,
      })),
    )
    .execute();
  return { organisation: 1, app_user: DEMO_ACCOUNTS.length };
}
