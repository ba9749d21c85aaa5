import { z } from 'zod';
import { API_SCOPES } from '../../domain/api-scopes.ts';
import { Uuid } from './common.ts';

export const ApiClient = z
  .object({
    id: Uuid,
    name: z.string(),
    organisationId: Uuid,
    organisationName: z.string(),
    scopes: z.array(z.enum(API_SCOPES)),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiClient' });
