import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { insertUser } from '../data/account.repository.ts';
import type { Role } from '../domain/roles.ts';
import { hashPassword } from '../services/auth/password-hash.ts';
import { currentTotpCode, newTotpSecret } from '../services/auth/totp.ts';
import { aLocation, aRegion } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

const PASSWORD = 'een lange zin als wachtwoord';

describe('signing in, second factor, sessions and passwords', () => {
  let t: TestApp;
  let organisationId: string;

  before(async () => {
    t = await createTestApp();
    const regionId = await aRegion(t.database.db);
    await aLocation(t.database.db, regionId);
    organisationId = (await t.database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  let counter = 0;
  async function anAccount(role: Role, options: { totp?: boolean; password?: string } = {}) {
    const email = `person${++counter}@zorg.example`;
    const totpSecret = options.totp ? newTotpSecret() : null;
    const user = await insertUser(t.database.db, {
      email,
      name: `Persoon ${counter}`,
      role,
      organisationId: role === 'provider_planner' || role === 'referrer' ? organisationId : null,
      passwordHash: await hashPassword(options.password ?? PASSWORD),
      totpSecret,
    });
    return { id: user.id, email, totpSecret };
  }

  /** The mails to an address, newest first, once `count` of them are there: a reset mail leaves after the answer. */
  async function mailsTo(email: string, count = 1): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      const rows = await t.database.db
        .selectFrom('mail_message')
        .select('body')
        .where('recipient', '=', email)
        .orderBy('created_at', 'desc')
        .execute();
      if (rows.length >= count) return rows.map((row) => row.body);
      assert.ok(attempt < 500, `no ${count} mail(s) to ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const tokenIn = (mail: string) => /token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;

  let browsers = 0;
  /** A browser at its own address: keeps the session cookie and sends the CSRF token it was given. */
  function aBrowser() {
    const n = ++browsers;
    const remoteAddress = `10.0.${n >> 8}.${n & 255}`;
    let cookie = '';
    let csrf = '';
    const keep = (response: LightMyRequestResponse) => {
      const set = response.cookies.find((c) => c.name === 'adempauze_session');
      if (set) cookie = set.value === '' || (set.expires && set.expires.getTime() < Date.now()) ? '' : `adempauze_session=${set.value}`;
      const body = response.headers['content-type']?.includes('json') && response.body ? response.json() : undefined;
      if (body?.csrfToken) csrf = body.csrfToken;
      return response;
    };
    const headers = () => ({ ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) });
    return {
      get: async (url: string) => keep(await t.app.inject({ method: 'GET', url, headers: headers(), remoteAddress })),
      post: async (url: string, payload: object = {}) =>
        keep(await t.app.inject({ method: 'POST', url, payload, headers: headers(), remoteAddress })),
      forgetCsrf: () => (csrf = ''),
      get cookie() {
        return cookie;
      },
    };
  }

  it('signs in with password and TOTP; the cookie is Secure, HttpOnly and SameSite=Strict', async () => {
    const account = await anAccount('coordinator', { totp: true });
    const browser = aBrowser();
    const login = await browser.post('/api/auth/login', { email: account.email.toUpperCase(), password: PASSWORD });
    assert.equal(login.statusCode, 200, login.body);
    assert.equal(login.json().stage, 'second_factor');
    const cookie = login.cookies.find((c) => c.name === 'adempauze_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Strict');

    // Halfway: personal data is still closed.
    const early = await browser.get('/api/clients/00000000-0000-4000-8000-000000000000');
    assert.equal(early.statusCode, 401);
    assert.equal(early.json().code, 'second_factor_required');

    const done = await browser.post('/api/auth/second-factor', { code: currentTotpCode(account.totpSecret!) });
    assert.equal(done.statusCode, 200, done.body);
    const session = await browser.get('/api/auth/session');
    assert.equal(session.json().stage, 'full');
    assert.equal(session.json().user.role, 'coordinator');
    assert.equal((await browser.get('/api/clients/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  it('refuses a code that was already used, and a wrong code', async () => {
    const account = await anAccount('coordinator', { totp: true });
    const code = currentTotpCode(account.totpSecret!);
    const first = aBrowser();
    await first.post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal((await first.post('/api/auth/second-factor', { code })).statusCode, 200);

    const second = aBrowser();
    await second.post('/api/auth/login', { email: account.email, password: PASSWORD });
    const replay = await second.post('/api/auth/second-factor', { code });
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, 'second_factor_failed');
    const wrong = await second.post('/api/auth/second-factor', { code: code === '000000' ? '111111' : '000000' });
    assert.equal(wrong.statusCode, 401);
  });

  it('makes a role that reads personal data set up TOTP first, then issues ten one-time recovery codes', async () => {
    const account = await anAccount('provider_planner');
    const browser = aBrowser();
    const login = await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal(login.json().stage, 'enrol');
    assert.equal((await browser.get('/api/stays/00000000-0000-4000-8000-000000000000')).statusCode, 401);

    const setup = await browser.post('/api/auth/totp/setup');
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret, uri } = setup.json();
    assert.match(uri, /^otpauth:\/\/totp\/Adempauze:/);
    const confirmed = await browser.post('/api/auth/totp/confirm', { code: currentTotpCode(secret) });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const codes: string[] = confirmed.json().recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.equal((await browser.get('/api/auth/session')).json().stage, 'full');

    // A recovery code works once, typed in capitals and without the dash too.
    const phoneLost = aBrowser();
    await phoneLost.post('/api/auth/login', { email: account.email, password: PASSWORD });
    const recovered = await phoneLost.post('/api/auth/second-factor', { code: codes[0]!.replace('-', '').toUpperCase() });
    assert.equal(recovered.statusCode, 200, recovered.body);
    assert.equal(recovered.json().recoveryCodesLeft, 9);
    const again = aBrowser();
    await again.post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal((await again.post('/api/auth/second-factor', { code: codes[0]! })).statusCode, 401);
  });

  it('lets a policy officer in without a second factor, to aggregates only', async () => {
    const account = await anAccount('policy_viewer');
    const browser = aBrowser();
    const login = await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal(login.json().stage, 'full');
    const client = await browser.get('/api/clients/00000000-0000-4000-8000-000000000000');
    assert.equal(client.statusCode, 403);
    assert.equal(client.json().code, 'forbidden');
  });

  it('answers a wrong password and an unknown address alike, and locks the account after five failures from one address only', async () => {
    const account = await anAccount('policy_viewer');
    const attacker = aBrowser();
    const unknown = await attacker.post('/api/auth/login', { email: 'niemand@zorg.example', password: PASSWORD });
    const wrong = await attacker.post('/api/auth/login', { email: account.email, password: 'dit is het niet' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.json().detail, wrong.json().detail);

    for (let attempt = 2; attempt <= 5; attempt++)
      await attacker.post('/api/auth/login', { email: account.email, password: 'nog steeds fout' });
    const locked = await attacker.post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal(locked.statusCode, 401, 'the right password does not open the account from the guessing address');
    const lock = await t.database.db
      .selectFrom('password_failure')
      .select('locked_until')
      .where('user_id', '=', account.id)
      .executeTakeFirstOrThrow();
    assert.ok(lock.locked_until && lock.locked_until.getTime() > Date.now() + 14 * 60_000);
    const failures = await t.database.db
      .selectFrom('audit_event')
      .select('id')
      .where('user_id', '=', account.id)
      .where('action', '=', 'login_failed')
      .execute();
    assert.equal(failures.length, 6);

    // Guessing is no way to lock the owner out: from their own address the right password still works.
    const owner = await aBrowser().post('/api/auth/login', { email: account.email, password: PASSWORD });
    assert.equal(owner.statusCode, 200, owner.body);
  });

  it('counts wrong codes per account across sessions: a right password does not start the count again', async () => {
    const account = await anAccount('coordinator', { totp: true });
    const code = currentTotpCode(account.totpSecret!);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    // The attack that worked: five rounds of the right password and four wrong codes gave 20 guesses without a lock.
    for (let round = 0; round < 5; round++) {
      const browser = aBrowser();
      assert.equal(
        (await browser.post('/api/auth/login', { email: account.email, password: PASSWORD })).statusCode,
        round <= 1 ? 200 : 401,
        `round ${round}`,
      );
      for (let guess = 0; guess < 4; guess++)
        statuses.push((await browser.post('/api/auth/second-factor', { code: wrongCode })).statusCode);
    }
    assert.deepEqual(statuses, Array(20).fill(401));
    const row = await t.database.db.selectFrom('app_user').select('locked_until').where('id', '=', account.id).executeTakeFirstOrThrow();
    assert.ok(row.locked_until && row.locked_until.getTime() > Date.now() + 14 * 60_000, 'locked after the fifth wrong code');
    const owner = aBrowser();
    assert.equal((await owner.post('/api/auth/login', { email: account.email, password: PASSWORD })).statusCode, 401, 'locked everywhere');
    assert.equal(
      (
        await t.database.db
          .selectFrom('audit_event')
          .select('id')
          .where('user_id', '=', account.id)
          .where('action', '=', 'login_failed')
          .execute()
      ).length,
      4,
      'rounds 3 to 5 and the owner',
    );
  });

  it('gives the session a new token and CSRF token when the second factor completes', async () => {
    const account = await anAccount('coordinator', { totp: true });
    const browser = aBrowser();
    const login = await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });
    const before = browser.cookie;
    const done = await browser.post('/api/auth/second-factor', { code: currentTotpCode(account.totpSecret!) });
    assert.equal(done.statusCode, 200, done.body);
    assert.notEqual(browser.cookie, before);
    assert.notEqual(done.json().csrfToken, login.json().csrfToken);
    assert.equal((await browser.get('/api/auth/session')).json().stage, 'full');
    // Someone who planted or copied the cookie before the second factor holds nothing now.
    const planted = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: before } });
    assert.equal(planted.json().signedIn, false);
  });

  it('refuses a change without the CSRF token of the session', async () => {
    const account = await anAccount('policy_viewer');
    const browser = aBrowser();
    await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });
    browser.forgetCsrf();
    const forged = await browser.post('/api/auth/logout');
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().code, 'csrf_failed');
    assert.equal((await browser.get('/api/auth/session')).json().signedIn, true, 'the session survived the forged request');
  });

  it('accepts JSON only, so a cross-site form cannot post', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.9',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: 'a@b.example', password: PASSWORD }),
    });
    assert.equal(response.statusCode, 415);
  });

  it('ends a session after the idle time, and signs out everywhere', async () => {
    const account = await anAccount('policy_viewer');
    const laptop = aBrowser();
    const phone = aBrowser();
    await laptop.post('/api/auth/login', { email: account.email, password: PASSWORD });
    await phone.post('/api/auth/login', { email: account.email, password: PASSWORD });

    await t.database.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - (t.auth.sessionIdleMinutes + 1) * 60_000) })
      .where('user_id', '=', account.id)
      .where('token_hash', 'is not', null)
      .execute();
    assert.equal((await laptop.get('/api/auth/session')).json().signedIn, false, 'idle session ended');

    await laptop.post('/api/auth/login', { email: account.email, password: PASSWORD });
    await phone.post('/api/auth/login', { email: account.email, password: PASSWORD });
    const everywhere = await laptop.post('/api/auth/logout-everywhere');
    assert.equal(everywhere.statusCode, 200, everywhere.body);
    // Two live sessions, plus the two idle ones the minute sweeper has not removed yet.
    assert.equal(everywhere.json().sessionsEnded, 4);
    assert.equal((await phone.get('/api/auth/session')).json().signedIn, false);
  });

  it('ends a session at its absolute end however active it is', async () => {
    const account = await anAccount('policy_viewer');
    const browser = aBrowser();
    await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });
    await t.database.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', account.id)
      .execute();
    assert.equal((await browser.get('/api/auth/session')).json().signedIn, false);
  });

  it('resets a password by an e-mailed one-time link: once, and every open session ends', async () => {
    const account = await anAccount('policy_viewer');
    const browser = aBrowser();
    await browser.post('/api/auth/login', { email: account.email, password: PASSWORD });

    const anonymous = aBrowser();
    assert.equal((await anonymous.post('/api/auth/password-reset', { email: account.email })).statusCode, 202);
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'onbekend@zorg.example' });
    assert.equal(unknown.statusCode, 202, 'the answer does not tell who has an account');
    const [mail] = await mailsTo(account.email);
    assert.equal(
      (await t.database.db.selectFrom('mail_message').select('id').where('recipient', '=', 'onbekend@zorg.example').execute()).length,
      0,
    );
    assert.match(mail!, /http:\/\/localhost:3000\/wachtwoord-instellen\?token=/);
    const token = tokenIn(mail!);

    const weak = await anonymous.post('/api/auth/password', { token, password: 'kort' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().errors[0].field, 'password');
    assert.match(weak.json().errors[0].detail, /minstens 12 tekens/);
    const withEmail = await anonymous.post('/api/auth/password', { token, password: `${account.email.split('@')[0]}-en-nog-wat` });
    assert.equal(withEmail.json().errors[0].code, 'password_contains_email');

    const newPassword = 'mijn nieuwe lange wachtzin';
    assert.equal((await anonymous.post('/api/auth/password', { token, password: newPassword })).statusCode, 204);
    assert.equal((await anonymous.post('/api/auth/password', { token, password: newPassword })).statusCode, 410, 'a link works once');
    assert.equal((await browser.get('/api/auth/session')).json().signedIn, false, 'old sessions ended');
    assert.equal((await aBrowser().post('/api/auth/login', { email: account.email, password: PASSWORD })).statusCode, 401);
    assert.equal((await aBrowser().post('/api/auth/login', { email: account.email, password: newPassword })).statusCode, 200);
  });

  it('refuses an expired reset link', async () => {
    const account = await anAccount('policy_viewer');
    await aBrowser().post('/api/auth/password-reset', { email: account.email });
    const token = tokenIn((await mailsTo(account.email))[0]!);
    await t.database.db
      .updateTable('one_time_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', account.id)
      .execute();
    const expired = await aBrowser().post('/api/auth/password', { token, password: 'een heel nieuw wachtwoord' });
    assert.equal(expired.statusCode, 410);
    assert.equal(expired.json().code, 'token_invalid');
  });

  it('keeps only the newest reset link valid', async () => {
    const account = await anAccount('policy_viewer');
    await aBrowser().post('/api/auth/password-reset', { email: account.email });
    const older = tokenIn((await mailsTo(account.email))[0]!);
    await aBrowser().post('/api/auth/password-reset', { email: account.email });
    const newer = tokenIn((await mailsTo(account.email, 2))[0]!);
    assert.notEqual(older, newer);
    const stale = await aBrowser().post('/api/auth/password', { token: older, password: 'een heel nieuw wachtwoord' });
    assert.equal(stale.statusCode, 410, 'the older link ended when a newer one was sent');
    assert.equal((await aBrowser().post('/api/auth/password', { token: newer, password: 'een heel nieuw wachtwoord' })).statusCode, 204);
  });

  it('answers a reset request before any work for the account, so its time tells nothing', async () => {
    let release!: () => void;
    const mailSent = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const slowMailer = {
      send: async (message: { to: string }) => {
        await mailSent;
        sent.push(message.to);
      },
    };
    const app = await createTestApp({ mailer: slowMailer });
    try {
      const user = await insertUser(app.database.db, {
        email: 'bekend@zorg.example',
        name: 'Bekend',
        role: 'policy_viewer',
        organisationId: null,
        passwordHash: await hashPassword(PASSWORD),
      });
      // The mail server hangs; the answer must not wait for it (before, a known address answered only after the mail).
      const answer = await Promise.race([
        app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } }, 'anonymous'),
        new Promise<'waited for the mail'>((resolve) => setTimeout(() => resolve('waited for the mail'), 5_000).unref()),
      ]);
      assert.notEqual(answer, 'waited for the mail');
      assert.equal((answer as LightMyRequestResponse).statusCode, 202);
      assert.deepEqual(sent, []);
      release();
      await app.app.close();
      assert.deepEqual(sent, ['bekend@zorg.example'], 'the mail went out after the answer, and closing waited for it');
    } finally {
      release();
      await app.close();
    }
  });

  it('refuses common, breached and easily guessed passwords, also Dutch ones', async () => {
    for (const password of ['Welkom123456', 'wachtwoord12', 'Amsterdam1234', 'qwertyuiop12', 'welkomwelkom', 'adempauze2026']) {
      const account = await anAccount('policy_viewer');
      await aBrowser().post('/api/auth/password-reset', { email: account.email });
      const answer = await aBrowser().post('/api/auth/password', { token: tokenIn((await mailsTo(account.email))[0]!), password });
      assert.equal(answer.statusCode, 400, password);
      assert.equal(answer.json().errors[0].code, 'password_too_guessable', password);
      assert.match(answer.json().errors[0].detail, /te makkelijk te raden/);
    }
  });

  it('lets an administrator invite a planner, who chooses a password from the mail', async () => {
    const admin = await t.signIn('administrator');
    const missingOrganisation = await t.inject(
      {
        method: 'POST',
        url: '/api/admin/users',
        payload: { email: 'nieuw@zorg.example', name: 'Nieuwe Planner', role: 'provider_planner' },
      },
      admin,
    );
    assert.equal(missingOrganisation.statusCode, 400);
    assert.equal(missingOrganisation.json().errors[0].field, 'organisationId');

    const invited = await t.inject(
      {
        method: 'POST',
        url: '/api/admin/users',
        payload: { email: 'nieuw@zorg.example', name: 'Nieuwe Planner', role: 'provider_planner', organisationId },
      },
      admin,
    );
    assert.equal(invited.statusCode, 201, invited.body);
    const twice = await t.inject(
      { method: 'POST', url: '/api/admin/users', payload: { email: 'NIEUW@zorg.example', name: 'Nog een', role: 'coordinator' } },
      admin,
    );
    assert.equal(twice.statusCode, 409);
    // A planner sees client data: the invitation waits for a second administrator.
    const grantId = invited.json().pendingGrant.id as string;
    assert.equal(
      (await t.database.db.selectFrom('mail_message').select('id').where('recipient', '=', 'nieuw@zorg.example').execute()).length,
      0,
    );
    const approved = await t.inject({ method: 'POST', url: `/api/admin/role-grants/${grantId}/approve` }, await t.signIn('administrator'));
    assert.equal(approved.statusCode, 200, approved.body);

    const mail = await t.database.db
      .selectFrom('mail_message')
      .select('body')
      .where('recipient', '=', 'nieuw@zorg.example')
      .executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    assert.equal((await aBrowser().post('/api/auth/password', { token, password: PASSWORD })).statusCode, 204);
    const login = await aBrowser().post('/api/auth/login', { email: 'nieuw@zorg.example', password: PASSWORD });
    assert.equal(login.json().stage, 'enrol');

    // Blocking the account ends its sessions at once.
    const browser = aBrowser();
    await browser.post('/api/auth/login', { email: 'nieuw@zorg.example', password: PASSWORD });
    const blocked = await t.inject({ method: 'PATCH', url: `/api/admin/users/${invited.json().id}`, payload: { disabled: true } }, admin);
    assert.equal(blocked.statusCode, 200, blocked.body);
    assert.equal((await browser.get('/api/auth/session')).json().signedIn, false);
    assert.equal((await aBrowser().post('/api/auth/login', { email: 'nieuw@zorg.example', password: PASSWORD })).statusCode, 401);
  });

  it('slows down password guessing from one address', async () => {
    const limited = await createTestApp({ requestsPerMinute: 1_000_000 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `x${i}@zorg.example`, password: 'fout wachtwoord' },
        });
        statuses.push(response.statusCode);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      const last = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@zorg.example', password: 'fout wachtwoord' },
      });
      assert.equal(last.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.match(last.json().detail, /Probeer het over \d+ seconden opnieuw/);
    } finally {
      await limited.close();
    }
  });

  it('sends the usual security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['strict-transport-security']), /max-age=/);
    assert.equal(response.headers['x-powered-by'], undefined);
  });
});
