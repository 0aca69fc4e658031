import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { decodeShapes, GEOJSON_URL, MAP_NAME, type UnitShape } from '@/lib/geo/shapes';

// The coordinate picker's slice of echarts: a geo component and one scatter marker. The vendored
// 吉林市 shapes are fetched once from /geo (offline) and registered as the whole city and, per county,
// a map of that county alone (`吉林市:220202`), so the picker opens on the project's unit.
echarts.use([ScatterChart, GeoComponent, CanvasRenderer]);

export const unitMapName = (code: string) => `${MAP_NAME}:${code}`;

interface GeoJson {
  type: 'FeatureCollection';
  features: Array<{ id: string }>;
}

let loaded: Promise<{ echarts: typeof echarts; shapes: UnitShape[] }> | null = null;

export function loadPickerMaps() {
  loaded ??= fetch(GEOJSON_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`地图数据加载失败（${response.status}）`);
      return response.json() as Promise<GeoJson>;
    })
    .then((geojson) => {
      if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geojson as never);
      for (const feature of geojson.features)
        echarts.registerMap(unitMapName(String(feature.id)), { ...geojson, features: [feature] } as never);
      return { echarts, shapes: decodeShapes(geojson as never) };
    })
    .catch((error) => {
      loaded = null;
      throw error;
    });
  return loaded;
}
