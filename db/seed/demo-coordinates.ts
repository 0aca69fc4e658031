import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { projects, units } from '../schema';
import { shapeCodeFor } from '@/lib/geo/hosts';
import { decodeShapes, GEOJSON_PATH, randomPointIn, type UnitShape } from '@/lib/geo/shapes';
import { prng, type DemoContext } from './demo-context';

// 项目一张图 (issue 17): every demo project gets coordinates drawn inside its unit's polygon (the
// vendored GeoJSON), spread across the unit rather than at its centre. Zones and departments have no
// polygon: their projects go into the documented host county (lib/geo/hosts.ts HOST_SHAPE). Appended
// last with its own PRNG, so nothing drawn before moves and the result is the same on every run.

/** The decoded shapes, read straight from the file (the seed runs outside Next, so not lib/geo/load). */
export function readCityShapes(): UnitShape[] {
  return decodeShapes(JSON.parse(fs.readFileSync(path.join(process.cwd(), GEOJSON_PATH), 'utf8')));
}

export function seedDemoCoordinates({ tx }: Pick<DemoContext, 'tx'>): number {
  const rand = prng(2026_1217);
  const shapes = readCityShapes();
  const shapeByCode = new Map(shapes.map((shape) => [shape.code, shape]));
  const codes = new Set(shapeByCode.keys());
  const unitCode = new Map(
    tx
      .select({ id: units.id, code: units.code })
      .from(units)
      .all()
      .map((unit) => [unit.id, unit.code]),
  );
  const rows = tx.select({ id: projects.id, unitId: projects.unitId }).from(projects).orderBy(projects.id).all();
  let placed = 0;
  for (const row of rows) {
    const code = shapeCodeFor(unitCode.get(row.unitId), codes);
    const shape = code ? shapeByCode.get(code) : undefined;
    if (!shape) continue;
    const [longitude, latitude] = randomPointIn(shape, rand.next);
    tx.update(projects).set({ longitude, latitude }).where(eq(projects.id, row.id)).run();
    placed += 1;
  }
  return placed;
}
