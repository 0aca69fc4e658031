import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { decodeShapes, GEOJSON_PATH, type UnitShape } from './shapes';

// Reads the vendored shapes once per process (server side: the seed, the coordinate check, the map API).

let cached: UnitShape[] | null = null;

export function loadCityShapes(): UnitShape[] {
  cached ??= decodeShapes(JSON.parse(fs.readFileSync(path.join(process.cwd(), GEOJSON_PATH), 'utf8')));
  return cached;
}
