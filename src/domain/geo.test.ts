import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceKm } from './geo.ts';

// PC4 centroids from assets/pc4/4pp.csv.
const ZEIST_3701 = { latitude: 52.0864975, longitude: 5.2494095 };
const HELMOND_5701 = { latitude: 51.4809669, longitude: 5.6652652 };

describe('distanceKm', () => {
  it('gives the haversine distance Zeist–Helmond', () => {
    // By hand: Δφ = −0.6055306°, Δλ = 0.4158557°;
    // sin²(Δφ/2) = 2.79231e-5, cos φ1 · cos φ2 = 0.382677, sin²(Δλ/2) = 1.31698e-5
    // h = 2.79231e-5 + 0.382677 · 1.31698e-5 = 3.29628e-5
    // d = 2 · 6371.0088 · asin(√h) = 73.156 km
    assert.ok(Math.abs(distanceKm(ZEIST_3701, HELMOND_5701) - 73.156) < 0.001);
  });

  it('gives 2πR/360 for one degree along a meridian', () => {
    const oneDegree = distanceKm({ latitude: 52, longitude: 5 }, { latitude: 53, longitude: 5 });
    assert.ok(Math.abs(oneDegree - 111.19508) < 0.00001);
  });

  it('is zero for the same point and symmetric', () => {
    assert.equal(distanceKm(ZEIST_3701, ZEIST_3701), 0);
    assert.equal(distanceKm(ZEIST_3701, HELMOND_5701), distanceKm(HELMOND_5701, ZEIST_3701));
  });

  it('stays finite for antipodal points', () => {
    const antipodal = distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 });
    assert.ok(Math.abs(antipodal - Math.PI * 6371.0088) < 0.001);
  });
});
