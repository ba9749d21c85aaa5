import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { deletePhoto, findPhoto, insertPhotoWithin } from '../data/location-photo.repository.ts';
import type { Database } from '../data/schema.ts';
import { MAX_PHOTOS_PER_LOCATION, MAX_PHOTO_BYTES, photoTypeOf } from '../domain/registry/photo.ts';
import { AppError, notFound } from '../errors.ts';
import { type Scope, assertLocationInScope } from './scope.ts';

/**
 * A photo for the location's public page. The bytes decide the type (a renamed document is refused), the size is
 * capped, and a location keeps a handful: the public page is a first impression, not an album.
 */
export async function addLocationPhoto(db: Kysely<Database>, scope: Scope, locationId: string, photo: { data: string; alt: string }) {
  await assertLocationInScope(db, scope, locationId);
  const bytes = Buffer.from(photo.data, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'data', code: 'photo_too_large', params: { megabytes: MAX_PHOTO_BYTES / 1024 / 1024 } }],
    });
  }
  const contentType = photoTypeOf(bytes);
  if (!contentType) throw new AppError('validation_failed', { fields: [{ field: 'data', code: 'not_a_photo' }] });
  const added = await withTransaction(db, (trx) =>
    insertPhotoWithin(trx, { locationId, contentType, bytes, alt: photo.alt }, MAX_PHOTOS_PER_LOCATION),
  );
  if (!added)
    throw new AppError('validation_failed', {
      fields: [{ field: 'data', code: 'too_many_photos', params: { maximum: MAX_PHOTOS_PER_LOCATION } }],
    });
  return added;
}

export async function removeLocationPhoto(db: Kysely<Database>, scope: Scope, locationId: string, photoId: string): Promise<void> {
  await assertLocationInScope(db, scope, locationId);
  if (!(await deletePhoto(db, locationId, photoId))) throw notFound('information');
}

export async function locationPhoto(db: Kysely<Database>, locationId: string, photoId: string) {
  const photo = await findPhoto(db, locationId, photoId);
  if (!photo) throw notFound('information');
  return photo;
}
