import type { Kysely } from 'kysely';
import { hasAdministrator } from '../../data/account.repository.ts';
import type { Database } from '../../data/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { inviteFirstAdministrator } from './account.service.ts';
import type { AuthSettings } from './auth-settings.ts';

/**
 * On start: an installation without an administrator says how to get one, and with ADMIN_EMAIL invites those
 * people (two, so each can approve what the other grants) and prints their links: the operator starting the app
 * is the one who may hand them over.
 */
export async function greetFirstAdministrators(
  db: Kysely<Database>,
  emails: readonly string[],
  mailer: Mailer,
  settings: AuthSettings,
): Promise<void> {
  if (emails.length === 0) {
    if (!(await hasAdministrator(db)))
      console.log('Adempauze: there is no administrator yet. Start once with ADMIN_EMAIL=<address>,<address> to invite the first two.');
    return;
  }
  for (const email of emails) {
    const link = await inviteFirstAdministrator(db, email, mailer, settings);
    if (link) console.log(`Adempauze: ${email} is invited as one of the first administrators. Choose a password at:\n  ${link}`);
  }
}
