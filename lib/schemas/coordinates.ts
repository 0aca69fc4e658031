import { z } from 'zod';
import { CITY_BOUNDS } from '@/lib/geo/bounds';
import type { FieldErrors } from '@/lib/errors';

// A project's place on 项目一张图 (API.md "Map"): WGS-84 degrees inside Jilin City, both or neither.

export const longitude = z
  .number({ error: '经度须为数字' })
  .min(CITY_BOUNDS.minLongitude, {
    error: `经度须在 ${CITY_BOUNDS.minLongitude}–${CITY_BOUNDS.maxLongitude} 之间（吉林市范围）`,
  })
  .max(CITY_BOUNDS.maxLongitude, {
    error: `经度须在 ${CITY_BOUNDS.minLongitude}–${CITY_BOUNDS.maxLongitude} 之间（吉林市范围）`,
  });
export const latitude = z
  .number({ error: '纬度须为数字' })
  .min(CITY_BOUNDS.minLatitude, {
    error: `纬度须在 ${CITY_BOUNDS.minLatitude}–${CITY_BOUNDS.maxLatitude} 之间（吉林市范围）`,
  })
  .max(CITY_BOUNDS.maxLatitude, {
    error: `纬度须在 ${CITY_BOUNDS.minLatitude}–${CITY_BOUNDS.maxLatitude} 之间（吉林市范围）`,
  });

/** Half a pair is refused: both coordinates, or neither (null clears both). */
export function coordinatePairErrors(input: {
  longitude?: number | null;
  latitude?: number | null;
}): FieldErrors | null {
  const hasLng = input.longitude != null;
  const hasLat = input.latitude != null;
  if (hasLng === hasLat) return null;
  return hasLng ? { latitude: ['请同时填写纬度'] } : { longitude: ['请同时填写经度'] };
}
