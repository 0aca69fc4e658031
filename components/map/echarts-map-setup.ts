import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { GEOJSON_URL, MAP_NAME } from '@/lib/geo/shapes';

// The map's own slice of echarts (the dashboard's charts load ./dashboard/echarts-setup), and the
// vendored 吉林市 shapes, fetched once per page from /geo and registered under MAP_NAME. Offline: no tiles.
echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

let registered: Promise<typeof echarts> | null = null;

export function loadCityMap(): Promise<typeof echarts> {
  registered ??= fetch(GEOJSON_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`地图数据加载失败（${response.status}）`);
      return response.json();
    })
    .then((geojson) => {
      echarts.registerMap(MAP_NAME, geojson);
      return echarts;
    })
    .catch((error) => {
      registered = null;
      throw error;
    });
  return registered;
}
