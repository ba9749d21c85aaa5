import type { Kysely, Transaction } from 'kysely';
import type { PhotoType } from '../domain/registry/photo.ts';
import type { Database } from './schema.ts';

/** SQL for the photos of a location's public page (migration 0020). */
export async function photosOfLocation(db: Kysely<Database>, locationId: string) {
  return db
    .selectFrom('location_photo')
    .select(['id', 'alt'])
    .where('location_id', '=', locationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPhoto(db: Kysely<Database>, locationId: string, photoId: string) {
  return db
    .selectFrom('location_photo')
    .select(['content_type as contentType', 'bytes'])
    .where('id', '=', photoId)
    .where('location_id', '=', locationId)
    .executeTakeFirst();
}

/** Inserts a photo unless the location has `limit` already; the location row is locked so two uploads count right. */
export async function insertPhotoWithin(
  trx: Transaction<Database>,
  photo: { locationId: string; contentType: PhotoType; bytes: Uint8Array; alt: string },
  limit: number,
) {
  await trx.selectFrom('location').select('id').where('id', '=', photo.locationId).forUpdate().execute();
  const { count } = await trx
    .selectFrom('location_photo')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('location_id', '=', photo.locationId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= limit) return null;
  return trx
    .insertInto('location_photo')
    .values({ location_id: photo.locationId, content_type: photo.contentType, bytes: Buffer.from(photo.bytes), alt: photo.alt })
    .returning(['id', 'alt'])
    .executeTakeFirstOrThrow();
}

export async function deletePhoto(db: Kysely<Database>, locationId: string, photoId: string): Promise<boolean> {
  const result = await db.deleteFrom('location_photo').where('id', '=', photoId).where('location_id', '=', locationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
