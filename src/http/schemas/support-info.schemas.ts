import { z } from 'zod';
import { SUPPORT_CATEGORIES } from '../../domain/support-info.ts';
import { Uuid } from './common.ts';
import { Email, Phone } from './referral.schemas.ts';

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
// Only web addresses a caregiver can open safely: no javascript: or data: links in content others read.
const WebAddress = z.url({ protocol: /^https?$/ }).max(500);

export const SupportItemBody = z.strictObject({
  municipality: z.string().trim().min(2).max(80).nullable().meta({ description: 'null: for the whole region' }),
  category: z.enum(SUPPORT_CATEGORIES),
  title: Text(3, 120),
  summary: Text(3, 300),
  body: z.string().trim().max(4000).optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  url: WebAddress.nullable().optional(),
});

export const SupportItem = z
  .object({
    id: Uuid,
    municipality: z.string().nullable(),
    category: z.enum(SUPPORT_CATEGORIES),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    url: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SupportItem' });

export const SupportQuery = z.strictObject({
  q: z.string().max(200).optional(),
  municipality: z.string().max(80).optional(),
  category: z.enum(SUPPORT_CATEGORIES).optional(),
});

export const SupportSearch = z.object({ municipalities: z.array(z.string()), items: z.array(SupportItem) }).meta({ id: 'SupportSearch' });
