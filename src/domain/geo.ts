/** Great-circle distances for "as close to home as possible": PC4 centroids are coarse, so a sphere is precise enough. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** Mean Earth radius (IUGG); the haversine formula on a sphere of this radius errs by at most about 0.5%. */
const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const halfDeltaLat = ((b.latitude - a.latitude) * RADIANS_PER_DEGREE) / 2;
  const halfDeltaLon = ((b.longitude - a.longitude) * RADIANS_PER_DEGREE) / 2;
  const h =
    Math.sin(halfDeltaLat) ** 2 +
    Math.cos(a.latitude * RADIANS_PER_DEGREE) * Math.cos(b.latitude * RADIANS_PER_DEGREE) * Math.sin(halfDeltaLon) ** 2;
  // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
