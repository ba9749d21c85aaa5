import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeStayDates, createStay, getStay, moveStay, transitionStay } from '../../services/booking.service.ts';
import type { AppContext } from '../context.ts';
import { Alternatives } from '../schemas/availability.schemas.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { CancelStayBody, ChangeDatesBody, CreateStayBody, MoveStayBody, Stay } from '../schemas/stay.schemas.ts';

const Conflict = Problem.extend({ alternatives: Alternatives.optional() }).meta({ id: 'ConflictProblem' });
const EmptyBody = z.strictObject({}).optional();

export function stayRoutes({ db, booking, availability }: AppContext): FastifyPluginAsyncZod {
  const settings = { ...booking, availability };
  return async (app) => {
    app.post('/stays', {
      schema: {
        tags: ['stays'],
        summary: 'Hold or book a unit for a stay',
        description: 'A hold keeps the unit for holdMinutes (default from the server) until confirmed. '
          + 'A unit never holds two overlapping stays; a conflict answers 409 with the nearest alternatives.',
        body: CreateStayBody,
        response: { 201: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
      },
    }, async (request, reply) => reply.status(201).send(await createStay(db, request.body, settings)));

    app.get('/stays/:id', {
      schema: { tags: ['stays'], summary: 'One stay', params: IdParams, response: { 200: Stay, 400: Problem, 404: Problem } },
    }, async (request) => getStay(db, request.params.id));

    const transitions = [
      ['confirm', 'Confirm a hold'],
      ['arrive', 'Record that the guest has arrived'],
      ['depart', 'Record that the guest has left'],
      ['no_show', 'Record that the guest did not come'],
    ] as const;
    for (const [action, summary] of transitions) {
      app.post(`/stays/:id/${action.replace('_', '-')}`, {
        schema: { tags: ['stays'], summary, params: IdParams, body: EmptyBody, response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem } },
      }, async (request) => transitionStay(db, request.params.id, action));
    }

    app.post('/stays/:id/cancel', {
      schema: {
        tags: ['stays'],
        summary: 'Cancel a hold or a booked stay, with a reason',
        params: IdParams,
        body: CancelStayBody,
        response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem },
      },
    }, async (request) => transitionStay(db, request.params.id, 'cancel', { reason: request.body.reason }));

    app.patch('/stays/:id/dates', {
      schema: {
        tags: ['stays'],
        summary: 'Shorten, extend or shift a stay on the same unit',
        params: IdParams,
        body: ChangeDatesBody,
        response: { 200: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
      },
    }, async (request) => changeStayDates(db, request.params.id, request.body, availability));

    app.post('/stays/:id/move', {
      schema: {
        tags: ['stays'],
        summary: 'Move a planned stay to another unit for the same dates',
        params: IdParams,
        body: MoveStayBody,
        response: { 200: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
      },
    }, async (request) => moveStay(db, request.params.id, request.body.unitId, availability));
  };
}
