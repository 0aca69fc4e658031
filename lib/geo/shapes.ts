// The county-level shapes of 吉林市 (public/geo/ji2_lin2_ji2_lin2.geojson, vendored) as plain rings,
// and the point-in-polygon test the seed, the form and the tests use. Pure: the caller reads the file.
import { CITY_BOUNDS } from './bounds';

export type Ring = Array<[number, number]>;
/** One polygon: its outer ring, then its holes. */
export type Polygon = Ring[];

export interface UnitShape {
  /** 行政区划代码, as units.code holds it. */
  code: string;
  name: string;
  /** echarts' label point. */
  center: [number, number];
  polygons: Polygon[];
}

interface Feature {
  id: string;
  properties: { name: string; cp: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

export const MAP_NAME = '吉林市';
export const GEOJSON_PATH = 'public/geo/ji2_lin2_ji2_lin2.geojson';
/** The URL the browser loads the shapes from. */
export const GEOJSON_URL = '/geo/ji2_lin2_ji2_lin2.geojson';

export function decodeShapes(geojson: { features: Feature[] }): UnitShape[] {
  return geojson.features.map((feature) => ({
    code: String(feature.id),
    name: feature.properties.name,
    center: feature.properties.cp,
    polygons: feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
  }));
}

/** Ray casting: is the point inside the ring (a point on an edge may go either way)? */
function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function insidePolygon(point: [number, number], polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  return Boolean(outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole)));
}

export function insideShape(point: [number, number], shape: UnitShape): boolean {
  return shape.polygons.some((polygon) => insidePolygon(point, polygon));
}

/** The shape's bounding box: [minLng, minLat, maxLng, maxLat]. */
export function shapeBox(shape: UnitShape): [number, number, number, number] {
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape.polygons)
    for (const [x, y] of polygon[0] ?? [])
      box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  return box;
}

/**
 * A point inside the shape drawn with `random` (0..1): rejection sampling in the bounding box, so the
 * seed places demo projects across the unit, not at its centre. Deterministic for a given `random`.
 * The box is cut to CITY_BOUNDS: 蛟河市's eastern edge runs 0.03° past the API's 127.9°.
 */
export function randomPointIn(shape: UnitShape, random: () => number): [number, number] {
  const [boxMinX, boxMinY, boxMaxX, boxMaxY] = shapeBox(shape);
  const minX = Math.max(boxMinX, CITY_BOUNDS.minLongitude);
  const minY = Math.max(boxMinY, CITY_BOUNDS.minLatitude);
  const maxX = Math.min(boxMaxX, CITY_BOUNDS.maxLongitude);
  const maxY = Math.min(boxMaxY, CITY_BOUNDS.maxLatitude);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const point: [number, number] = [
      Math.round((minX + random() * (maxX - minX)) * 1e6) / 1e6,
      Math.round((minY + random() * (maxY - minY)) * 1e6) / 1e6,
    ];
    if (insideShape(point, shape)) return point;
  }
  return shape.center;
}
