import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNITS } from '@/db/seed/reference';
import { CITY_BOUNDS, insideCityBounds } from '@/lib/geo/bounds';
import { decodeShapes, GEOJSON_PATH, insideShape, randomPointIn, shapeBox } from '@/lib/geo/shapes';
import { prng } from '@/db/seed/demo-context';

// The vendored map of 吉林市 (public/geo/README.md): the file as published, 9 shapes, one per
// county-level unit the platform knows by 行政区划代码, each inside the city's bounds.

const VENDORED_SHA256 = '796bf02822826ecca09f6fdcfb40aff24730f8d75ce945ff9d9752a977573f25';
const file = fs.readFileSync(path.join(process.cwd(), GEOJSON_PATH));
const shapes = decodeShapes(JSON.parse(file.toString('utf8')));
const COUNTY_KINDS = new Set(['district', 'county', 'city']);

describe('the vendored 吉林市 GeoJSON', () => {
  it('is the file as published', () => {
    expect(crypto.createHash('sha256').update(file).digest('hex')).toBe(VENDORED_SHA256);
  });

  it('decodes to 9 features whose codes and names are the 9 county-level units', () => {
    const counties = UNITS.filter((unit) => COUNTY_KINDS.has(unit.kind));
    expect(counties).toHaveLength(9);
    expect(shapes).toHaveLength(9);
    for (const unit of counties) {
      const shape = shapes.find((candidate) => candidate.code === unit.code);
      expect(shape, `${unit.name} has no shape`).toBeDefined();
      expect(shape!.name).toBe(unit.name);
    }
  });

  it('lies inside the city bounds (蛟河市 within 0.03° of the east edge), each shape holding its label point', () => {
    for (const shape of shapes) {
      const [minX, minY, maxX, maxY] = shapeBox(shape);
      expect(insideCityBounds(minX, minY), shape.name).toBe(true);
      expect(insideCityBounds(Math.min(maxX, CITY_BOUNDS.maxLongitude), maxY), shape.name).toBe(true);
      expect(maxX - CITY_BOUNDS.maxLongitude, shape.name).toBeLessThan(0.03);
      expect(insideShape(shape.center, shape), shape.name).toBe(true);
    }
    expect(insideCityBounds(CITY_BOUNDS.maxLongitude + 0.01, 43.8)).toBe(false);
  });

  it('places random points inside the drawn shape and in no other (point in polygon)', () => {
    const rand = prng(17);
    for (const shape of shapes) {
      for (let i = 0; i < 20; i++) {
        const point = randomPointIn(shape, rand.next);
        expect(insideShape(point, shape), `${shape.name} ${point}`).toBe(true);
        expect(insideCityBounds(...point), `${shape.name} ${point}`).toBe(true);
        const others = shapes.filter((other) => other !== shape && insideShape(point, other));
        expect(
          others.map((other) => other.name),
          `${shape.name} ${point}`,
        ).toEqual([]);
      }
    }
  });
});
