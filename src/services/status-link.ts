import type { Kysely } from 'kysely';
import { insertStatusLink } from '../data/public-status.repository.ts';
import type { Database } from '../data/schema.ts';
import { newToken, tokenHash } from './auth/tokens.ts';
import type { Mailer } from './mail/mailer.ts';

export const STATUS_PAGE_PATH = '/mijn-aanvraag';

/** A new secret link to a public request's status page; only its hash is kept, so the link is shown and mailed once. */
export async function newStatusLink(db: Kysely<Database>, referralId: string, publicUrl: string): Promise<string> {
  const token = newToken();
  await insertStatusLink(db, referralId, tokenHash(token));
  return `${publicUrl}${STATUS_PAGE_PATH}/${token}`;
}

/** The receipt: the reference, what happens now and the link to follow the request. */
export async function mailReceipt(
  mailer: Mailer,
  to: string,
  receipt: { reference: string; nextSteps: string; statusUrl: string },
): Promise<void> {
  await mailer.send({
    to,
    subject: `Uw aanvraag ${receipt.reference} is ontvangen`,
    text:
      `${receipt.nextSteps}\n\nHier ziet u steeds hoe het met uw aanvraag staat. U kunt hem daar ook wijzigen of intrekken:\n\n` +
      `${receipt.statusUrl}\n\nBewaar deze link goed. Iedereen met de link kan de stand van uw aanvraag zien.\n`,
  });
}
