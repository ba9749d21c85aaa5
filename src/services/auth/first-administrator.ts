import type { Kysely } from 'kysely';
import type { Database } from '../../data/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { inviteFirstAdministrator } from './account.service.ts';
import type { AuthSettings } from './auth-settings.ts';

/**
 * On start: an installation without an administrator says how to get one, and with ADMIN_EMAIL invites that person
 * and prints the link (the operator starting the app is the one who may hand it over).
 */
export async function greetFirstAdministrator(db: Kysely<Database>, email: string | undefined, mailer: Mailer, settings: AuthSettings): Promise<void> {
  if (!email) {
    const any = await db.selectFrom('app_user').select('id').where('role', '=', 'administrator').executeTakeFirst();
    if (!any) console.log('Adempauze: there is no administrator yet. Start once with ADMIN_EMAIL=<address> to invite the first one.');
    return;
  }
  const link = await inviteFirstAdministrator(db, email, mailer, settings);
  if (link) console.log(`Adempauze: ${email} is invited as the first administrator. Choose a password at:\n  ${link}`);
}
