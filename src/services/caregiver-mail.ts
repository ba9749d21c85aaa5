import type { Kysely } from 'kysely';
import { publicCaregivers } from '../data/public-status.repository.ts';
import type { Database } from '../data/schema.ts';
import type { NoticeSettings } from './notification.service.ts';

/** What happened to a public request as a whole (its stays' changes are mailed with the stay notices). */
export type RequestEvent = 'changed' | 'changed_by_caregiver' | 'withdrawn' | 'withdrawn_by_caregiver' | 'closed';

function message(reference: string, event: RequestEvent): { subject: string; text: string } {
  const follow = 'Op uw eigen pagina (de link in de eerste mail) ziet u hoe uw aanvraag nu staat.';
  switch (event) {
    case 'changed':
      return {
        subject: `Uw aanvraag ${reference} is aangepast`,
        text: `Het aanmeldpunt heeft uw aanvraag ${reference} aangepast. ${follow}\n`,
      };
    case 'changed_by_caregiver':
      return {
        subject: `Uw wijziging van aanvraag ${reference}`,
        text: `U heeft uw aanvraag ${reference} gewijzigd. Het aanmeldpunt werkt met de nieuwe gegevens verder. ${follow}\n`,
      };
    case 'withdrawn':
      return {
        subject: `Uw aanvraag ${reference} is gestopt`,
        text: `Het aanmeldpunt heeft uw aanvraag ${reference} gestopt. Heeft u vragen? Bel of mail het aanmeldpunt. ${follow}\n`,
      };
    case 'withdrawn_by_caregiver':
      return {
        subject: `Uw aanvraag ${reference} is ingetrokken`,
        text: `U heeft uw aanvraag ${reference} ingetrokken. Het aanmeldpunt doet er niets meer mee.\n\nWilt u later toch logeren? Dan kunt u een nieuwe aanvraag doen.\n`,
      };
    case 'closed':
      return {
        subject: `Uw aanvraag ${reference} is afgerond`,
        text: `Het aanmeldpunt heeft uw aanvraag ${reference} afgerond. ${follow}\n`,
      };
  }
}

/**
 * Tells the caregiver who sent a public request, when they gave an address, that the request changed. The change is
 * made whether or not the mail goes: a mail that fails is logged, not answered as an error.
 */
export async function mailCaregiver(db: Kysely<Database>, notices: NoticeSettings, referralId: string, event: RequestEvent): Promise<void> {
  const caregiver = (await publicCaregivers(db, [referralId])).get(referralId);
  if (!caregiver) return;
  await notices.mailer
    .send({ to: caregiver.email, ...message(caregiver.reference, event) })
    .catch((error: unknown) => console.error(`Mail to the caregiver of ${caregiver.reference} not sent:`, error));
}
