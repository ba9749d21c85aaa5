import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { insertStoredMail, latestStoredMail } from '../../data/mail.repository.ts';
import type { Database } from '../../data/schema.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Several at once where that is cheaper than one by one (the stored mail: one insert). */
  sendMany?(messages: readonly MailMessage[]): Promise<void>;
}

const FROM = 'Adempauze <noreply@adempauze.nl>';

/**
 * Mail through nodemailer. With an SMTP URL it is sent; without one (development, tests, the demo) nodemailer's
 * JSON transport renders it and the message is kept in the database, where administrators can read it in the app.
 */
export function createMailer(db: Kysely<Database>, smtpUrl: string | undefined): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: FROM, to: message.to, subject: message.subject, text: message.text });
      },
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const store = async (messages: readonly MailMessage[]) => {
    if (messages.length === 0) return;
    for (const message of messages) await transport.sendMail({ from: FROM, to: message.to, subject: message.subject, text: message.text });
    await insertStoredMail(
      db,
      messages.map((message) => ({ recipient: message.to, subject: message.subject, body: message.text })),
    );
  };
  return { send: (message) => store([message]), sendMany: store };
}

export async function listStoredMail(db: Kysely<Database>, limit = 200) {
  const rows = await latestStoredMail(db, limit);
  return rows.map((row) => ({
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  }));
}
