import { z } from 'zod';
import { isValidBsn, normaliseBsn, normalisePostcode } from '../../domain/identifiers.ts';
import { CARE_NEEDS } from '../../domain/care-needs.ts';
import { PUBLIC_REQUEST_KINDS, REFERRAL_KINDS, REFERRER_KINDS } from '../../domain/referral.ts';
import { REFERRAL_STATUSES } from '../../domain/referral-lifecycle.ts';
import { IsoDate, Uuid } from './common.ts';
import { appClock } from '../../clock.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { MAX_STAY_NIGHTS, isTooLong } from '../../domain/stay-limits.ts';

const Name = z.string().trim().min(2).max(120);
export const Phone = z
  .string()
  .trim()
  .refine((value) => /^[+0-9 ()-]{8,20}$/.test(value), { params: { code: 'invalid_phone' } });
export const Email = z.email().max(254);
const Postcode = z
  .string()
  .max(10)
  .transform((value, ctx) => {
    const postcode = normalisePostcode(value);
    if (!postcode) ctx.addIssue({ code: 'custom', params: { code: 'invalid_postcode' } });
    return postcode ?? value;
  });
const Bsn = z
  .string()
  .trim()
  .refine(isValidBsn, { params: { code: 'invalid_bsn' } })
  .transform(normaliseBsn);
const Message = z.string().trim().max(2000);
const ProviderNote = z
  .string()
  .trim()
  .max(1000)
  .meta({ description: 'What the staff who receive the guest should know (e.g. "slechtziend"); the provider reads it in the handover' });
const ExpectedNights = z
  .number()
  .int()
  .min(1)
  .max(MAX_STAY_NIGHTS)
  .meta({ description: 'For a crisis or ELV stay without a known end: how many nights it will probably last' });
const Urgency = z.enum(['today', 'within_48h', 'planned']).meta({ description: "The referrer's own judgement; triage may set another" });

const ClientDetails = z.strictObject({
  name: Name,
  dateOfBirth: IsoDate,
  bsn: Bsn.optional(),
  street: z.string().trim().max(120).optional(),
  houseNumber: z.string().trim().max(20).optional(),
  postcode: Postcode,
  city: z.string().trim().max(80).optional(),
  phone: Phone.optional(),
});

const Caregiver = z.strictObject({
  name: Name,
  relation: z.enum(['partner', 'child', 'other']),
  works: z.boolean().optional(),
  phone: Phone.optional(),
  email: Email.optional(),
});

type Loose = Record<string, unknown>;

/** Checks across fields that run even when other fields are wrong, so the form shows every problem at once. */
const acrossFields = (check: (body: Loose, ctx: z.RefinementCtx<Loose>) => void) =>
  z.superRefine<Loose>(check, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

const wishedPeriod = (body: Loose, ctx: z.RefinementCtx<Loose>) => {
  const { wishedArrival: from, wishedDeparture: to } = body;
  // A wish is about the future; a date already past is a typing error (often the year).
  if (typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) && from < appClock().today()) {
    ctx.addIssue({ code: 'custom', path: ['wishedArrival'], params: { code: 'date_in_past' } });
  }
  if (typeof from === 'string' && typeof to === 'string' && isIsoDate(from) && isIsoDate(to)) {
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['wishedDeparture'], params: { code: 'departure_before_arrival' } });
    else if (isTooLong({ from, to }))
      ctx.addIssue({ code: 'custom', path: ['wishedDeparture'], params: { code: 'stay_too_long', max: MAX_STAY_NIGHTS } });
  }
};

export const CreateReferralBody = z
  .strictObject({
    kind: z.enum(REFERRAL_KINDS),
    referrerKind: z.enum(REFERRER_KINDS),
    client: ClientDetails,
    partner: z
      .strictObject({ name: Name, dateOfBirth: IsoDate })
      .optional()
      .meta({ description: 'The partner, for a couple who want to stay together' }),
    caregiver: Caregiver.optional(),
    wishedArrival: IsoDate.optional(),
    wishedDeparture: IsoDate.optional(),
    expectedNights: ExpectedNights.optional(),
    urgency: Urgency.optional(),
    callbackPhone: Phone.optional().meta({ description: 'Where the central point reaches the referrer about this referral' }),
    flexibilityDays: z.number().int().min(0).max(60).default(0),
    recurrence: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'RFC 5545 RRULE for recurring respite, e.g. FREQ=MONTHLY;COUNT=6' }),
    preferredLocationIds: z.array(Uuid).max(10).default([]),
    indications: z
      .strictObject({
        wmo: z.boolean().default(false),
        wlzProfile: z.enum(['VV4', 'VV5', 'VV6', 'VV7', 'VV8', 'VV9', 'VV10']).optional(),
        zvwDistrictNursing: z.boolean().default(false),
      })
      .default({ wmo: false, zvwDistrictNursing: false }),
    consent: z
      .strictObject({ given: z.literal(true), by: Name })
      .meta({ description: 'The client (or representative) agreed to this referral' }),
    message: Message.optional(),
    providerNote: ProviderNote.optional(),
  })
  .check(
    acrossFields((body, ctx) => {
      wishedPeriod(body, ctx);
      if (body.kind === 'couple_stay' && !body.partner) ctx.addIssue({ code: 'custom', path: ['partner'], params: { code: 'required' } });
    }),
  );

export const PublicRequestBody = z
  .strictObject({
    kind: z.enum(Object.keys(PUBLIC_REQUEST_KINDS) as [keyof typeof PUBLIC_REQUEST_KINDS]),
    client: z.strictObject({ name: Name, dateOfBirth: IsoDate.optional(), postcode: Postcode }),
    caregiver: Caregiver,
    locationId: Uuid.optional(),
    wishedArrival: IsoDate.optional(),
    wishedDeparture: IsoDate.optional(),
    repeat: z
      .strictObject({
        everyWeeks: z.number().int().min(1).max(8),
        times: z.number().int().min(2).max(26),
      })
      .optional()
      .meta({ description: 'A recurring stay in plain terms: the wished days again every so many weeks, so many times in all' }),
    atHome: z
      .boolean()
      .optional()
      .meta({ description: 'Care at home at night (the caregiver sleeps elsewhere) instead of a bed away from home; a stay only' }),
    partner: z
      .strictObject({ name: Name, dateOfBirth: IsoDate.optional() })
      .optional()
      .meta({ description: 'The partner who comes along, for a couple who want to stay together; a stay or trial stay only' }),
    careNeeds: z
      .array(z.enum(CARE_NEEDS))
      .max(CARE_NEEDS.length)
      .optional()
      .meta({ description: 'What the caregiver says about the care needed, ticked from a short list; the triage decides' }),
    message: Message.optional(),
    providerNote: ProviderNote.optional(),
    consent: z.literal(true).meta({ description: 'The caregiver agrees that the access point stores these details to answer' }),
    website: z.string().max(200).optional().meta({ description: 'Leave empty (a trap for robots)' }),
  })
  .check(
    acrossFields((body, ctx) => {
      wishedPeriod(body, ctx);
      const caregiver = body.caregiver as Loose | undefined;
      if (caregiver && typeof caregiver === 'object' && !caregiver.phone && !caregiver.email) {
        ctx.addIssue({ code: 'custom', path: ['caregiver', 'phone'], params: { code: 'contact_required' } });
      }
      // Repeating needs the first stay's days, and is a stay, not a tour or a trial.
      if (body.repeat !== undefined && body.kind !== 'stay')
        ctx.addIssue({ code: 'custom', path: ['repeat'], params: { code: 'repeat_only_stay' } });
      else if (body.repeat !== undefined && (!body.wishedArrival || !body.wishedDeparture)) {
        ctx.addIssue({
          code: 'custom',
          path: [body.wishedArrival ? 'wishedDeparture' : 'wishedArrival'],
          params: { code: 'required_for_repeat' },
        });
      }
      if (body.atHome === true && body.kind !== 'stay')
        ctx.addIssue({ code: 'custom', path: ['atHome'], params: { code: 'at_home_only_stay' } });
      if (body.partner !== undefined && body.kind === 'tour')
        ctx.addIssue({ code: 'custom', path: ['partner'], params: { code: 'partner_not_for_tour' } });
    }),
  );

/** What the caregiver may change on the status page of a public request; a field left out stays, null clears it. */
export const CaregiverChangeBody = z
  .strictObject({
    wishedArrival: IsoDate.nullable().optional(),
    wishedDeparture: IsoDate.nullable().optional(),
    message: Message.nullable().optional(),
  })
  .check(acrossFields(wishedPeriod));

export const PublicRequestReceipt = z
  .object({
    reference: z.string(),
    answerBy: IsoDate.meta({ description: 'The last working day by which the central point calls or mails back' }),
    nextSteps: z.string().meta({ description: 'What happens now, in plain language (Dutch, or English with Accept-Language: en)' }),
    statusUrl: z
      .string()
      .meta({ description: "The caregiver's own page to follow, change or withdraw the request; secret, shown here and mailed once" }),
  })
  .meta({ id: 'PublicRequestReceipt' });

const ReferralClient = z.object({
  id: Uuid,
  name: z.string(),
  dateOfBirth: IsoDate.nullable(),
  bsn: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  pc4: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
});

export const Referral = z
  .object({
    id: Uuid,
    reference: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    source: z.enum(['professional', 'public']),
    kind: z.enum(REFERRAL_KINDS),
    referrerKind: z.enum(REFERRER_KINDS),
    referrerUserId: Uuid.nullable(),
    referrerOrganisationId: Uuid.nullable(),
    clientId: Uuid,
    client: ReferralClient,
    partner: ReferralClient.nullable(),
    caregiver: z.object({
      name: z.string().nullable(),
      relation: z.string().nullable(),
      works: z.boolean().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    wishedArrival: IsoDate.nullable(),
    wishedDeparture: IsoDate.nullable(),
    expectedNights: z.number().int().nullable(),
    urgency: Urgency.nullable(),
    callbackPhone: z.string().nullable(),
    flexibilityDays: z.number().int(),
    recurrence: z.string().nullable(),
    preferredLocationIds: z.array(Uuid),
    indications: z.object({ wmo: z.boolean(), wlzProfile: z.string().nullable(), zvwDistrictNursing: z.boolean() }),
    consent: z.object({ at: z.string(), by: z.string() }),
    message: z.string().nullable(),
    providerNote: z.string().nullable(),
    atHome: z.boolean().meta({ description: 'Night care at home instead of a bed away from home: matching proposes home-night units' }),
    careNeeds: z.array(z.enum(CARE_NEEDS)).meta({ description: 'What the caregiver ticked on the public form; not a triage' }),
    proposedAnswers: z
      .record(z.string(), z.union([z.boolean(), z.string(), z.array(z.string()), z.number()]))
      .nullable()
      .meta({ description: 'Triage answers the sending system proposed (FHIR QuestionnaireResponse); the triage starts from them' }),
    cancelReason: z.string().nullable().meta({ description: 'Why it was withdrawn' }),
    closeReason: z.string().nullable().meta({ description: 'Why it was closed' }),
    outsideEveryRegion: z.boolean().meta({
      description: "The client's home postcode lies in no region: proposals come from the nearest regions, marked outside the region",
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'Referral' });

/** A change to a referral before placement; a field left out stays as it is, null clears it. */
export const ChangeReferralBody = z
  .strictObject({
    kind: z.enum(REFERRAL_KINDS).optional(),
    wishedArrival: IsoDate.nullable().optional(),
    wishedDeparture: IsoDate.nullable().optional(),
    expectedNights: ExpectedNights.nullable().optional(),
    flexibilityDays: z.number().int().min(0).max(60).optional(),
    recurrence: z.string().trim().max(200).nullable().optional(),
    preferredLocationIds: z.array(Uuid).max(10).optional(),
    urgency: Urgency.nullable().optional(),
    callbackPhone: Phone.nullable().optional(),
    message: Message.nullable().optional(),
    providerNote: ProviderNote.nullable().optional(),
  })
  .check(acrossFields((body, ctx) => wishedPeriod(body, ctx)))
  .meta({ id: 'ChangeReferral' });

export const CloseReferralBody = z
  .strictObject({
    outcome: z
      .enum(['withdrawn', 'closed'])
      .meta({ description: "'withdrawn': no longer needed (its planned stays are cancelled); 'closed': done, nothing planned is left" }),
    reason: z.string().trim().min(3).max(500),
  })
  .meta({ id: 'CloseReferral' });

export const ReferralSummary = z
  .object({
    id: Uuid,
    reference: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    source: z.enum(['professional', 'public']),
    kind: z.enum(REFERRAL_KINDS),
    clientId: Uuid,
    clientName: z.string(),
    pc4: z.string().nullable(),
    wishedArrival: IsoDate.nullable(),
    urgency: Urgency.nullable().meta({ description: "From the triage; before triage the referrer's own, if given" }),
    triaged: z.boolean().meta({ description: 'Whether the urgency comes from a triage' }),
    place: z
      .object({
        status: z.enum(['hold', 'confirmed', 'arrived', 'departed']),
        arrival: IsoDate,
        departure: IsoDate,
        unitName: z.string(),
        locationName: z.string(),
      })
      .nullable()
      .meta({ description: 'The place held or booked (the earliest, for a series); null before placement' }),
    createdAt: z.string(),
  })
  .meta({ id: 'ReferralSummary' });

export const ReferralListQuery = z.strictObject({
  status: z
    .enum([...REFERRAL_STATUSES, 'open'])
    .optional()
    .meta({ description: "One status, or 'open': every status but closed and cancelled; left out: all" }),
  q: z.string().trim().min(1).max(100).optional().meta({ description: "Part of the client's name or of the reference, or a whole BSN" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).meta({ description: 'For the next page: how many to skip' }),
});
