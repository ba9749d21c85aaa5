import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../domain/password-policy.ts';
import { ROLES } from '../../domain/roles.ts';
import { Uuid } from './common.ts';

const Email = z.email().max(254);

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const CodeBody = z.strictObject({
  code: z.string().trim().min(6).max(20).meta({ description: 'Six digits from the authenticator app, or a recovery code' }),
});

export const PasswordResetBody = z.strictObject({ email: Email });

export const SetPasswordBody = z.strictObject({
  token: z.string().min(20).max(200),
  // The policy (length, not the e-mail address) is checked by the service, which knows the account.
  password: z.string().max(PASSWORD_MAX_LENGTH + 1),
});

export const UserView = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisationId: Uuid.nullable(),
    secondFactor: z.boolean(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    pendingGrant: z
      .object({
        id: Uuid,
        role: z.enum(ROLES),
        organisationId: Uuid.nullable(),
        invitation: z.boolean().meta({ description: 'A new account: approving it sends the invitation' }),
        requestedBy: Uuid,
        requestedByName: z.string(),
        requestedAt: z.string(),
      })
      .nullable()
      .meta({ description: 'A role that sees personal data, waiting for a second administrator (POST /admin/role-grants/{id}/approve)' }),
  })
  .meta({ id: 'User' });

const Stage = z.enum(['second_factor', 'enrol', 'full']).meta({
  description: 'second_factor: send a code; enrol: set up the authenticator app first; full: signed in',
});

export const SessionView = z
  .object({
    signedIn: z.boolean(),
    stage: Stage.optional(),
    csrfToken: z.string().optional().meta({ description: 'Send it as the X-CSRF-Token header with every change' }),
    expiresAt: z.string().optional(),
    user: z.object({ id: Uuid, email: z.string(), role: z.enum(ROLES), organisationId: Uuid.nullable() }).optional(),
  })
  .meta({ id: 'Session' });

export const TotpSetup = z.object({ secret: z.string(), uri: z.string() }).meta({ id: 'TotpSetup' });
// The session gets a new token as it becomes full, and so a new CSRF token.
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()), csrfToken: z.string() }).meta({ id: 'RecoveryCodes' });
export const SecondFactorDone = z.object({ stage: Stage, recoveryCodesLeft: z.number().int(), csrfToken: z.string() });
export const SessionsEnded = z.object({ sessionsEnded: z.number().int() });
