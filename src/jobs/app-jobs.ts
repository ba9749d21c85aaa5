import type { Kysely } from 'kysely';
import { deleteExpiredSessions } from '../data/account.repository.ts';
import type { Database } from '../data/schema.ts';
import { expireHolds } from '../data/stay.repository.ts';
import { ensureAftercare } from '../services/aftercare.service.ts';
import type { AvailabilityReadModel } from '../services/availability-read-model.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import { deliverStayNotices, sendArrivalReminders } from '../services/notification.service.ts';
import { runRetention } from '../services/privacy.service.ts';
import { makeOffers } from '../services/waiting-list.service.ts';
import type { Job } from './job-runner.ts';

export interface JobContext {
  db: Kysely<Database>;
  mailer: Mailer;
  availability: AvailabilityReadModel;
  publicUrl: string;
  holdMinutes: number;
  sessionIdleMinutes: number;
  retentionMonths: number;
  /** The app's clock (holds, arrivals) and the real one (sessions). */
  appNow: () => Date;
  realNow: () => Date;
}

/**
 * Every minute, in this order: lapsed holds go first, so the units they held can be offered to the waiting list in
 * the same round; ended sessions are cleared, aftercare starts for stays that ended, notices a request could not
 * send go out, and tomorrow's guests are announced.
 */
export function minuteJobs(context: JobContext): Job[] {
  const { db, mailer, publicUrl } = context;
  return [
    { name: 'expire_holds', run: () => expireHolds(db, context.appNow()) },
    { name: 'delete_ended_sessions', run: () => deleteExpiredSessions(db, context.sessionIdleMinutes, context.realNow()) },
    { name: 'start_aftercare', run: () => ensureAftercare(db, mailer, publicUrl) },
    {
      name: 'offer_waiting_list',
      run: () => makeOffers(db, mailer, { defaultHoldMinutes: context.holdMinutes, availability: context.availability }),
    },
    { name: 'deliver_stay_notices', run: () => deliverStayNotices(db, { mailer, publicUrl }) },
    { name: 'send_arrival_reminders', run: () => sendArrivalReminders(db, { mailer, publicUrl }) },
  ];
}

/** Once a day: a client's file closed `retentionMonths` ago is anonymised. */
export function dailyJobs(context: JobContext): Job[] {
  return [
    {
      name: 'retention',
      run: async () => {
        const result = await runRetention(context.db, { months: context.retentionMonths });
        if (result.clients > 0) console.log(`Retention: ${result.clients} clients anonymised (closed before ${result.cutoff})`);
      },
    },
  ];
}
