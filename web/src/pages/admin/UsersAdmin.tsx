import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../../src/domain/roles.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { useSession } from '../../auth/session.tsx';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { Account, Organisation } from './admin-api.ts';
import { ChangeRoleForm, PendingGrants } from './RoleGrants.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'name'
  | 'email'
  | 'role'
  | 'organisation'
  | 'none'
  | 'state'
  | 'active'
  | 'blocked'
  | 'invited'
  | 'noSecondFactor'
  | 'actions'
  | 'block'
  | 'unblock'
  | 'reset'
  | 'new'
  | 'newIntro'
  | 'invite'
  | 'invited_'
  | 'changed'
  | 'loading'
  | 'you'
  | 'awaiting'
  | 'invitedAwaiting';

const texts: Texts<Key> = {
  nl: {
    title: 'Gebruikers',
    intro: 'Wie met Adempauze werkt, in welke rol en voor welke organisatie.',
    caption: 'Alle gebruikers',
    name: 'Naam',
    email: 'E-mailadres',
    role: 'Rol',
    organisation: 'Organisatie',
    none: 'Geen (werkt voor de hele regio)',
    state: 'Status',
    active: 'Actief',
    blocked: 'Geblokkeerd',
    invited: 'Uitgenodigd, nog geen wachtwoord',
    noSecondFactor: 'Tweede stap nog niet ingesteld',
    actions: 'Acties',
    block: 'Blokkeren',
    unblock: 'Weer toelaten',
    reset: 'Tweede stap opnieuw',
    new: 'Iemand uitnodigen',
    newIntro:
      'De persoon krijgt een e-mail met een link om een wachtwoord te kiezen. Verwijzers en zorgaanbieders horen bij een organisatie.',
    invite: 'Uitnodigen',
    invited_: '{email} is uitgenodigd.',
    changed: 'Gewijzigd: {name}.',
    loading: 'Laden…',
    you: '(u)',
    awaiting: 'Wacht op goedkeuring',
    invitedAwaiting: '{email} wacht op goedkeuring door een tweede beheerder. Daarna gaat de uitnodiging weg.',
  },
  en: {
    title: 'Users',
    intro: 'Who works with Adempauze, in which role and for which organisation.',
    caption: 'All users',
    name: 'Name',
    email: 'E-mail address',
    role: 'Role',
    organisation: 'Organisation',
    none: 'None (works for the whole region)',
    state: 'Status',
    active: 'Active',
    blocked: 'Blocked',
    invited: 'Invited, no password yet',
    noSecondFactor: 'Second step not set up yet',
    actions: 'Actions',
    block: 'Block',
    unblock: 'Allow again',
    reset: 'Second step again',
    new: 'Invite someone',
    newIntro: 'The person gets an e-mail with a link to choose a password. Referrers and care providers belong to an organisation.',
    invite: 'Invite',
    invited_: '{email} has been invited.',
    changed: 'Changed: {name}.',
    loading: 'Loading…',
    you: '(you)',
    awaiting: 'Awaiting approval',
    invitedAwaiting: '{email} awaits approval by a second administrator. Then the invitation goes out.',
  },
};

/** Accounts: invite by mail, block or allow again, and have someone set up the second step again. */
export function UsersAdmin() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const { session } = useSession();
  const users = useApiQuery<Account[]>('/admin/users');
  const organisations = useApiQuery<Organisation[]>('/organisations');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const organisationName = (id: string | null) =>
    id ? (organisations.data?.find((organisation) => organisation.id === id)?.name ?? '…') : t('none');

  const invite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationId = String(form.get('organisationId') ?? '');
    const body = {
      email: String(form.get('email') ?? ''),
      name: String(form.get('name') ?? ''),
      role: String(form.get('role')),
      organisationId: organisationId || null,
    };
    setError(null);
    setDone(null);
    try {
      const invited = await api<Account>('POST', '/admin/users', body);
      setDone(t(invited.pendingGrant ? 'invitedAwaiting' : 'invited_', { email: body.email }));
      setFormKey((n) => n + 1);
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const change = async (user: Account, body: { disabled?: boolean; resetSecondFactor?: true }) => {
    setError(null);
    setDone(null);
    try {
      await api('PATCH', `/admin/users/${user.id}`, body);
      setDone(t('changed', { name: user.name }));
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const state = (user: Account) =>
    user.pendingGrant ? t('awaiting') : user.disabled ? t('blocked') : !user.secondFactor ? t('noSecondFactor') : t('active');
  const reported = (message: string) => {
    setError(null);
    setDone(message);
    users.reload();
  };
  const known = ['email', 'name', 'role', 'organisationId'];
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {users.error !== null && <ErrorAlert error={users.error} />}
      {error !== null && !known.some((field) => fieldMessage(error, field)) && <ErrorAlert error={error} />}
      {users.data === null && users.error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {users.data && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption')} tabIndex={0}>
          <Table>
            <TableCaption>{t('caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('state')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.map((user) => {
                const self = session?.user?.id === user.id;
                return (
                  <TableRow key={user.id}>
                    <TableHeaderCell scope="row">
                      {user.name} {self && t('you')}
                    </TableHeaderCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>{ROLE_LABELS[user.role][language]}</TableCell>
                    <TableCell>{organisationName(user.organisationId)}</TableCell>
                    <TableCell>{state(user)}</TableCell>
                    <TableCell>
                      {!self && (
                        <ButtonGroup>
                          <Button
                            appearance="secondary-action-button"
                            aria-label={`${user.disabled ? t('unblock') : t('block')}: ${user.name}`}
                            onClick={() => void change(user, { disabled: !user.disabled })}
                          >
                            {user.disabled ? t('unblock') : t('block')}
                          </Button>
                          {user.secondFactor && (
                            <Button
                              appearance="secondary-action-button"
                              aria-label={`${t('reset')}: ${user.name}`}
                              onClick={() => void change(user, { resetSecondFactor: true })}
                            >
                              {t('reset')}
                            </Button>
                          )}
                          {!user.pendingGrant && (
                            <ChangeRoleForm
                              user={user}
                              organisations={organisations.data ?? []}
                              error={error}
                              onChanged={reported}
                              onError={setError}
                            />
                          )}
                        </ButtonGroup>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {users.data && (
        <PendingGrants
          users={users.data}
          organisations={organisations.data ?? []}
          me={session?.user?.id}
          onDecided={reported}
          onError={setError}
        />
      )}
      <form key={formKey} className="adempauze-card" onSubmit={(event) => void invite(event)} noValidate aria-labelledby="user-new">
        <Heading2 id="user-new">{t('new')}</Heading2>
        <Paragraph>{t('newIntro')}</Paragraph>
        <TextField name="name" label={t('name')} error={error} required />
        <TextField name="email" type="email" label={t('email')} error={error} required />
        <SelectField
          name="role"
          label={t('role')}
          error={error}
          defaultValue="provider_planner"
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][language] }))}
        />
        <SelectField
          name="organisationId"
          label={t('organisation')}
          error={error}
          options={[
            { value: '', label: t('none') },
            ...(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name })),
          ]}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('invite')}
        </Button>
      </form>
    </>
  );
}
