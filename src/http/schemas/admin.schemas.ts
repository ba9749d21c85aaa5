import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { IsoDate, Uuid } from './common.ts';

export const InviteUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(120),
  role: z.enum(ROLES),
  organisationId: Uuid.nullable().default(null),
});

export const ChangeUserBody = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  role: z.enum(ROLES).optional(),
  organisationId: Uuid.nullable().optional(),
  disabled: z.boolean().optional(),
  resetSecondFactor: z.literal(true).optional(),
});

export const AuditQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional().meta({ description: 'Inclusive last day' }),
  userId: Uuid.optional(),
  clientId: Uuid.optional(),
  action: z.enum(['read', 'create', 'update', 'delete', 'export', 'anonymise', 'login', 'login_failed', 'logout']).optional(),
  entity: z
    .string()
    .regex(/^[a-z_]{2,30}$/)
    .optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .meta({ description: 'Only events older than this id (paging)' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});

export const AuditEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    userId: Uuid.nullable(),
    userEmail: z.string().nullable(),
    role: z.string().nullable(),
    organisationId: Uuid.nullable(),
    action: z.string(),
    entity: z.string(),
    recordId: z.string().nullable(),
    clientId: Uuid.nullable(),
    purpose: z.string(),
    outcome: z.string(),
    httpStatus: z.number().int().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const MailMessage = z
  .object({ id: Uuid, recipient: z.string(), subject: z.string(), body: z.string(), createdAt: z.string() })
  .meta({ id: 'MailMessage' });
