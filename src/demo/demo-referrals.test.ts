import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import { generateReferrals } from './demo-referrals.ts';
import { generateYear } from './generate-year.ts';
import { DEMO_REGIONS } from './pilot-regions.ts';

const TODAY = '2026-03-02';
const AREAS = pc4AreasOfMunicipalities(DEMO_REGIONS.flatMap((region) => region.municipalities));
const REFERRERS = { gpUserId: 'gp', gpOrganisationId: 'practice', coordinatorUserId: 'central-point' };
const LATEST = Date.parse(`${TODAY}T00:00:00Z`);

describe('demo referrals', () => {
  for (const seed of [2019, 3]) {
    const year = generateYear({ today: TODAY, seed, areas: AREAS });
    const demo = generateReferrals(year, REFERRERS, seed);
    const stayById = new Map(year.stays.map((stay) => [stay.id, stay]));
    const time = (value: unknown) => (value as Date).getTime();

    it(`gives every stay of the year exactly one referral, the same ones for the same seed (seed ${seed})`, () => {
      assert.deepEqual(demo.stayReferrals.map((link) => link.stayId).sort(), year.stays.map((stay) => stay.id).sort());
      assert.deepEqual(generateReferrals(year, REFERRERS, seed), demo);
      const ids = new Set(demo.referrals.map((referral) => referral.id));
      assert.ok(demo.stayReferrals.every((link) => ids.has(link.referralId)));
      assert.equal(new Set(demo.referrals.map((referral) => referral.reference)).size, demo.referrals.length);
      // A series is one referral; the year has about 580 requests for its ~990 stays.
      assert.ok(demo.referrals.length > 450 && demo.referrals.length < year.stays.length);
    });

    it(`lets every referral happen in order, before its stay and never after today (seed ${seed})`, () => {
      const eventsOf = Map.groupBy(demo.events, (event) => event.referral_id);
      for (const referral of demo.referrals) {
        const created = time(referral.created_at);
        const events = eventsOf.get(referral.id) ?? [];
        assert.ok(events.length > 0, `${referral.reference} has no history`);
        for (const event of events) {
          assert.ok(time(event.at) >= created && time(event.at) <= LATEST, `${referral.reference}: ${event.kind} out of order`);
          assert.equal(event.notice_pending, false);
        }
        const firstOffer = Math.min(...events.filter((event) => event.kind === 'booked').map((event) => time(event.at)));
        const firstStay = demo.stayReferrals
          .filter((link) => link.referralId === referral.id)
          .map((link) => stayById.get(link.stayId)!)
          .sort((a, b) => a.arrival.localeCompare(b.arrival))[0]!;
        assert.ok(firstOffer <= Date.parse(`${firstStay.arrival}T23:59:59Z`), `${referral.reference} offered after arrival`);
        assert.ok(time(referral.updated_at) <= LATEST && time(referral.updated_at) >= created);
        assert.equal(referral.message, null);
        if (referral.status === 'cancelled') assert.ok(referral.cancel_reason);
      }
    });

    it(`has aftercare for every referral whose guest left, and surveys answered with whole scores 1–5 (seed ${seed})`, () => {
      const departedReferrals = new Set(
        demo.stayReferrals.filter((link) => stayById.get(link.stayId)!.status === 'departed').map((link) => link.referralId),
      );
      assert.deepEqual(new Set(demo.tasks.map((task) => task.referral_id)), departedReferrals);
      const answered = demo.surveys.filter((survey) => survey.answered_at);
      assert.ok(answered.length > 150, `${answered.length} answered surveys`);
      for (const survey of answered) {
        assert.ok(time(survey.answered_at) <= LATEST);
        assert.equal(survey.comment, null);
        for (const score of Object.values(JSON.parse(String(survey.scores)) as Record<string, number>))
          assert.ok(Number.isInteger(score) && score >= 1 && score <= 5);
      }
      const statuses = new Set(demo.referrals.map((referral) => referral.status));
      for (const status of ['closed', 'booked', 'cancelled'] as const) assert.ok(statuses.has(status), status);
      assert.ok(
        demo.events.some((event) => event.kind === 'waiting'),
        'nobody waited',
      );
    });
  }
});
