import { Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../../src/domain/roles.ts';
import { api } from '../../api/client.ts';
import { SelectField } from '../../forms/fields.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import type { Account, Organisation } from './admin-api.ts';

type Key =
  | 'title'
  | 'intro'
  | 'request'
  | 'newAccount'
  | 'approve'
  | 'reject'
  | 'approved'
  | 'rejected'
  | 'otherAdmin'
  | 'none'
  | 'changeRole'
  | 'role'
  | 'organisation'
  | 'noOrganisation'
  | 'save'
  | 'pending';

const texts: Texts<Key> = {
  nl: {
    title: 'Wacht op een tweede beheerder',
    intro: 'Een rol waarmee iemand gegevens van cliënten ziet, geeft u nooit alleen. Een andere beheerder keurt het goed.',
    request: '{name} ({email}): {role}{organisation}. Gevraagd door {by} op {at}.',
    newAccount: ' Nieuw account: de uitnodiging gaat weg na goedkeuring.',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    approved: 'Goedgekeurd: {name} is nu {role}.',
    rejected: 'Afgewezen: {name}.',
    otherAdmin: 'U vroeg dit zelf (of het gaat over u). Een andere beheerder moet het goedkeuren.',
    none: 'Er wacht niets.',
    changeRole: 'Andere rol',
    role: 'Nieuwe rol',
    organisation: 'Organisatie',
    noOrganisation: 'Geen (hele regio)',
    save: 'Rol wijzigen',
    pending: '{name}: wacht op goedkeuring door een tweede beheerder.',
  },
  en: {
    title: 'Waiting for a second administrator',
    intro: 'You never give a role that sees client data on your own. Another administrator approves it.',
    request: '{name} ({email}): {role}{organisation}. Asked by {by} on {at}.',
    newAccount: ' New account: the invitation goes out once approved.',
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Approved: {name} is now {role}.',
    rejected: 'Rejected: {name}.',
    otherAdmin: 'You asked for this yourself (or it is about you). Another administrator must approve it.',
    none: 'Nothing is waiting.',
    changeRole: 'Another role',
    role: 'New role',
    organisation: 'Organisation',
    noOrganisation: 'None (whole region)',
    save: 'Change role',
    pending: '{name}: waiting for approval by a second administrator.',
  },
};

/** The requests for a role that sees personal data, for another administrator to approve or reject. */
export function PendingGrants({
  users,
  organisations,
  me,
  onDecided,
  onError,
}: {
  users: readonly Account[];
  organisations: readonly Organisation[];
  me: string | undefined;
  onDecided(message: string): void;
  onError(error: unknown): void;
}) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const waiting = users.filter((user) => user.pendingGrant);
  const decide = async (user: Account, decision: 'approve' | 'reject') => {
    try {
      await api('POST', `/admin/role-grants/${user.pendingGrant!.id}/${decision}`, {});
      const role = ROLE_LABELS[user.pendingGrant!.role][language];
      onDecided(decision === 'approve' ? t('approved', { name: user.name, role }) : t('rejected', { name: user.name }));
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <section aria-labelledby="role-grants">
      <Heading2 id="role-grants">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      {waiting.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <UnorderedList>
          {waiting.map((user) => {
            const grant = user.pendingGrant!;
            const organisation = organisations.find((candidate) => candidate.id === grant.organisationId)?.name;
            const mine = grant.requestedBy === me || user.id === me;
            return (
              <UnorderedListItem key={grant.id}>
                {t('request', {
                  name: user.name,
                  email: user.email,
                  role: ROLE_LABELS[grant.role][language],
                  organisation: organisation ? `, ${organisation}` : '',
                  by: grant.requestedByName,
                  at: formatDateTime(grant.requestedAt),
                })}
                {grant.invitation && t('newAccount')}
                {mine ? (
                  <Paragraph>
                    <em>{t('otherAdmin')}</em>
                  </Paragraph>
                ) : (
                  <ButtonGroup>
                    <Button
                      appearance="primary-action-button"
                      aria-label={`${t('approve')}: ${user.name}`}
                      onClick={() => void decide(user, 'approve')}
                    >
                      {t('approve')}
                    </Button>
                    <Button
                      appearance="secondary-action-button"
                      aria-label={`${t('reject')}: ${user.name}`}
                      onClick={() => void decide(user, 'reject')}
                    >
                      {t('reject')}
                    </Button>
                  </ButtonGroup>
                )}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      )}
    </section>
  );
}

/** Another role (and organisation) for someone else; one that sees personal data waits for approval. */
export function ChangeRoleForm({
  user,
  organisations,
  error,
  onChanged,
  onError,
}: {
  user: Account;
  organisations: readonly Organisation[];
  error: unknown;
  onChanged(message: string): void;
  onError(error: unknown): void;
}) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [open, setOpen] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationId = String(form.get('organisationId') ?? '');
    try {
      const changed = await api<Account>('PATCH', `/admin/users/${user.id}`, {
        role: String(form.get('role')),
        organisationId: organisationId || null,
      });
      setOpen(false);
      onChanged(changed.pendingGrant ? t('pending', { name: user.name }) : `${user.name}: ${ROLE_LABELS[changed.role][language]}`);
    } catch (failure) {
      onError(failure);
    }
  };
  if (!open) {
    return (
      <Button appearance="secondary-action-button" aria-label={`${t('changeRole')}: ${user.name}`} onClick={() => setOpen(true)}>
        {t('changeRole')}
      </Button>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={`${t('changeRole')}: ${user.name}`}>
      <SelectField
        id={`role-${user.id}`}
        name="role"
        label={t('role')}
        error={error}
        defaultValue={user.role}
        options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][language] }))}
      />
      <SelectField
        id={`organisation-${user.id}`}
        name="organisationId"
        label={t('organisation')}
        error={error}
        defaultValue={user.organisationId ?? ''}
        options={[
          { value: '', label: t('noOrganisation') },
          ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
        ]}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('save')}
      </Button>
    </form>
  );
}
