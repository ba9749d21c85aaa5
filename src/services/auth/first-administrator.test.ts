import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createMailer } from '../mail/mailer.ts';
import { type TestDatabase, createTestDatabase } from '../../testing/test-database.ts';
import { inviteFirstAdministrator, setPasswordWithToken } from './account.service.ts';
import { DEFAULT_AUTH_SETTINGS } from './auth-settings.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

it('invites the first two administrators of an empty installation once, with a link that sets the password', async () => {
  const mailer = createMailer(database.db, undefined);
  const link = await inviteFirstAdministrator(database.db, 'beheer@regio.test', mailer, DEFAULT_AUTH_SETTINGS);
  assert.ok(link?.startsWith(`${DEFAULT_AUTH_SETTINGS.publicUrl}/wachtwoord-instellen?token=`), String(link));
  const mail = await database.db.selectFrom('mail_message').select(['recipient', 'body']).execute();
  assert.deepEqual(
    mail.map((message) => message.recipient),
    ['beheer@regio.test'],
  );
  assert.ok(mail[0]!.body.includes(link!), 'the same link goes by mail');
  assert.equal(await inviteFirstAdministrator(database.db, 'beheer@regio.test', mailer, DEFAULT_AUTH_SETTINGS), null, 'not twice');
  assert.ok(
    await inviteFirstAdministrator(database.db, 'tweede@regio.test', mailer, DEFAULT_AUTH_SETTINGS),
    'a second, to approve what the first grants',
  );
  assert.equal(
    await inviteFirstAdministrator(database.db, 'derde@regio.test', mailer, DEFAULT_AUTH_SETTINGS),
    null,
    'a third needs four eyes',
  );
  await setPasswordWithToken(database.db, new URL(link!).searchParams.get('token')!, 'een lange zin als wachtwoord');
  const user = await database.db
    .selectFrom('app_user')
    .select(['role', 'password_hash'])
    .where('email', '=', 'beheer@regio.test')
    .executeTakeFirstOrThrow();
  assert.equal(user.role, 'administrator');
  assert.match(user.password_hash ?? '', /^\$argon2id\$/);
});
