import type { FastifyReply } from 'fastify';

/** A CSV export as a download with a file name, for every CSV route. */
export function sendCsv(reply: FastifyReply, fileName: string, text: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(text);
}
