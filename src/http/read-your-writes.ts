import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { pingDatabase } from '../data/readiness.repository.ts';
import { currentWritePosition, replayedUpTo } from '../data/replication.repository.ts';
import type { Database } from '../data/schema.ts';

/**
 * Reads that may go to a read replica (the public calendar and the policy pages), with read-your-writes kept for the
 * person who just wrote: a change answers with a cookie holding the primary's write position (its WAL LSN), and a
 * later read goes to the replica only once the replica has replayed that far; otherwise, or when the replica does
 * not answer, to the primary. Someone who did not write reads the replica, a moment behind.
 */
export const WRITE_POSITION_COOKIE = 'adempauze_wrote';
/** Longer than any sane replication lag; after it the replica has long caught up. */
const REMEMBER_SECONDS = 300;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;
const HEALTH_CHECK_MS = 5_000;

export type Reader = (request: FastifyRequest) => Promise<Kysely<Database>>;

export function readYourWrites(app: FastifyInstance, primary: Kysely<Database>, replica: Kysely<Database> | undefined): Reader {
  if (!replica) return async () => primary;
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    const position = await currentWritePosition(primary);
    if (position)
      reply.setCookie(WRITE_POSITION_COOKIE, position, {
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        maxAge: REMEMBER_SECONDS,
      });
  });
  // Whether the replica answers, asked at most every few seconds rather than before every read.
  let checked = { at: 0, up: true };
  const replicaUp = async () => {
    if (Date.now() - checked.at < HEALTH_CHECK_MS) return checked.up;
    const up = await pingDatabase(replica).then(
      () => true,
      () => false,
    );
    checked = { at: Date.now(), up };
    return up;
  };
  return async (request) => {
    const wrote = request.cookies[WRITE_POSITION_COOKIE];
    try {
      if (!(await replicaUp())) return primary;
      if (wrote === undefined || !LSN.test(wrote)) return replica;
      return (await replayedUpTo(replica, wrote)) ? replica : primary;
    } catch {
      // A replica that does not answer costs a moment, not the page.
      return primary;
    }
  };
}
