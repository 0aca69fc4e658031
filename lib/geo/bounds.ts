// 项目一张图: the box a project's coordinates must lie in (API.md "Map"): WGS-84 degrees inside Jilin City.

export const CITY_BOUNDS = { minLongitude: 125.6, maxLongitude: 127.9, minLatitude: 42.5, maxLatitude: 44.9 } as const;

export function insideCityBounds(longitude: number, latitude: number): boolean {
  return (
    longitude >= CITY_BOUNDS.minLongitude &&
    longitude <= CITY_BOUNDS.maxLongitude &&
    latitude >= CITY_BOUNDS.minLatitude &&
    latitude <= CITY_BOUNDS.maxLatitude
  );
}
