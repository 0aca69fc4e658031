// Which county-level shape a unit's projects lie in. The 9 districts and counties are their own shape
// (units.code = the GeoJSON feature id). Development zones and city departments have no polygon of
// their own, so each is given a documented host county: the county the zone sits in, and for the
// departments (whose projects are city-wide) the two central districts, 船营区 and 昌邑区, alternately.
// The demo seed places projects in these shapes and the form's map picker opens on them.

/** units.code of a zone or department → units.code (feature id) of its host county. */
export const HOST_SHAPE: Readonly<Record<string, string>> = {
  'KFQ-GX': '220211', // 吉林高新区 → 丰满区
  'KFQ-JK': '220203', // 吉林经开区 → 龙潭区
  'KFQ-ZX': '220221', // 中新吉林食品区 → 永吉县
  'KFQ-BDH': '220221', // 北大湖开发区 → 永吉县
  'KFQ-HG': '220203', // 吉林化工园区 → 龙潭区
  'BM-FGW': '220204', // 市发改委 → 船营区
  'BM-SWJ': '220202', // 市商务局 → 昌邑区
  'BM-GXJ': '220204', // 市工信局 → 船营区
  'BM-ZJJ': '220202', // 市住建局 → 昌邑区
  'BM-ZRZY': '220204', // 市自然资源局 → 船营区
  'BM-STHJ': '220202', // 市生态环境局 → 昌邑区
  'BM-JTYS': '220204', // 市交通运输局 → 船营区
  'BM-CZJ': '220202', // 市财政局 → 昌邑区
};

/**
 * The feature id of the shape a unit's projects lie in: its own when it has one, else its host's,
 * else null (a unit added later without a host: the whole city).
 */
export function shapeCodeFor(unitCode: string | null | undefined, shapeCodes: ReadonlySet<string>): string | null {
  if (!unitCode) return null;
  if (shapeCodes.has(unitCode)) return unitCode;
  const host = HOST_SHAPE[unitCode];
  return host && shapeCodes.has(host) ? host : null;
}
