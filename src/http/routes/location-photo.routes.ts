import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PHOTO_BYTES } from '../../domain/registry/photo.ts';
import { addLocationPhoto, locationPhoto, removeLocationPhoto } from '../../services/location-photo.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';

const KEEPERS = ['administrator', 'provider_planner'] as const;
const PhotoParams = z.strictObject({ id: Uuid, photoId: Uuid });
const AddPhotoBody = z.strictObject({
  data: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4)
    .meta({ description: 'The image file in base64 (JPEG, PNG or WebP, at most 2 MB)' }),
  alt: z.string().trim().min(3).max(200).meta({ description: 'What the photo shows, for people who cannot see it' }),
});
// Base64 makes a file a third larger; a little room for the JSON around it.
const BODY_LIMIT = Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4096;

/** Photos of a location for its public page: the provider or administrator adds and removes them; anyone sees them. */
export function locationPhotoRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/locations/:id/photos',
      {
        config: { access: KEEPERS, audit: { entity: 'registry', action: 'update', purpose: 'registry_management' } },
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['registry administration'],
          summary: "A photo for the location's public page, with its text alternative",
          description: 'The type is read from the bytes; at most six photos per location. No recognisable people without their consent.',
          params: z.strictObject({ id: Uuid }),
          body: AddPhotoBody,
          response: { 201: z.object({ id: Uuid, alt: z.string() }), 400: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addLocationPhoto(db, scopeOf(actorOf(request)), request.params.id, request.body)),
    );

    app.delete(
      '/locations/:id/photos/:photoId',
      {
        config: { access: KEEPERS, audit: { entity: 'registry', action: 'delete', purpose: 'registry_management' } },
        schema: {
          tags: ['registry administration'],
          summary: 'Remove a photo of the location',
          params: PhotoParams,
          response: { 204: z.null(), 403: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        await removeLocationPhoto(db, scopeOf(actorOf(request)), request.params.id, request.params.photoId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/locations/:id/photos/:photoId',
      {
        config: { access: 'public' },
        // No response schema: the answer is the image's bytes (JPEG, PNG or WebP), or a 404 problem document.
        schema: { tags: ['public'], summary: 'A photo of a location: the image itself, or 404', params: PhotoParams },
      },
      async (request, reply) => {
        const photo = await locationPhoto(db, request.params.id, request.params.photoId);
        return reply.header('content-type', photo.contentType).header('cache-control', 'public, max-age=3600').send(photo.bytes);
      },
    );
  };
}
