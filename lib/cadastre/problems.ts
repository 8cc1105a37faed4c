// Every problem the import can find, in plain words in both languages. One table, used by the
// staff page, the route's report and the command line, so all three say the same thing.
export type Params = Record<string, string | number>;

const MESSAGES = {
  // file
  notJson: ["文件不是有效的 JSON：{detail}", "The file is not valid JSON: {detail}"],
  notFeatureCollection: ["文件不是 GeoJSON FeatureCollection（顶层 type 为 {type}）", "The file is not a GeoJSON FeatureCollection (top-level type is {type})"],
  noFeatures: ["文件中没有任何地块要素", "The file has no features"],
  tooManyFeatures: ["文件有 {count} 个要素，一次最多导入 {max} 个，请分批导入", "The file has {count} features; at most {max} can be imported at once, split it"],
  crsMismatch: ["文件声明的坐标系是 {fileCrs}，上传时选择的是 {crs}：请确认后重新选择", "The file declares coordinate system {fileCrs} but {crs} was chosen on upload: check and choose again"],
  csvNotReadable: ["属性 CSV 无法读取：{detail}", "The attribute CSV cannot be read: {detail}"],
  csvNoCode: ["属性 CSV 没有 code 列", "The attribute CSV has no code column"],
  csvDuplicate: ["属性 CSV 第 {row} 行：地块编号 {code} 重复（第 {first} 行已有）", "Attribute CSV row {row}: parcel code {code} repeats row {first}"],
  csvOrphan: ["属性 CSV 第 {row} 行：地块编号 {code} 在 GeoJSON 中不存在", "Attribute CSV row {row}: parcel code {code} has no feature in the GeoJSON"],
  // geometry
  notFeature: ["不是 GeoJSON Feature", "Not a GeoJSON Feature"],
  noGeometry: ["没有几何图形", "Has no geometry"],
  notPolygon: ["几何类型是 {type}，必须是 Polygon（单个多边形）", "Geometry is a {type}; it must be a Polygon (one polygon per parcel)"],
  noRings: ["多边形没有坐标环", "The polygon has no rings"],
  badPosition: ["{ring}第 {index} 个坐标不是两个有限数值", "{ringEn} position {index} is not a pair of finite numbers"],
  tooFewPositions: ["{ring}只有 {count} 个坐标，闭合环至少需要 4 个", "{ringEn} has {count} positions; a closed ring needs at least 4"],
  unclosedRing: ["{ring}未闭合：首尾坐标不同", "{ringEn} is not closed: its first and last positions differ"],
  looksProjected: ["坐标（如 {x}, {y}）像是以米为单位的投影坐标，但上传时声明的是经纬度（{crs}）：请选择正确的坐标系，例如 EPSG:4547", "Coordinates (e.g. {x}, {y}) look like projected metres but {crs} (degrees) was declared: choose the survey's coordinate system, e.g. EPSG:4547"],
  looksGeographic: ["坐标（如 {x}, {y}）像是经纬度，但上传时声明的是投影坐标系 {crs}（米）", "Coordinates (e.g. {x}, {y}) look like degrees but the projected system {crs} (metres) was declared"],
  swappedLatLng: ["坐标（如 {x}, {y}）的经纬度似乎颠倒了：GeoJSON 要求先经度后纬度", "Coordinates (e.g. {x}, {y}) look like latitude and longitude swapped: GeoJSON puts longitude first"],
  outsideJiangmen: ["转换后的坐标（如 {lng}, {lat}）不在江门市范围内（东经 111.9–113.4°，北纬 21.4–22.9°）", "Converted coordinates (e.g. {lng}, {lat}) fall outside Jiangmen (111.9–113.4°E, 21.4–22.9°N)"],
  selfIntersecting: ["多边形自相交（{count} 处，如 {lng}, {lat}）", "The polygon intersects itself ({count} crossing(s), e.g. at {lng}, {lat})"],
  invalidPolygon: ["多边形无效（如内环在外环之外或面积为零）", "The polygon is invalid (e.g. a hole outside its shell, or zero area)"],
  overlapsParcel: ["与现有地块 {other} 重叠约 {area} 平方米，超出测量容差", "Overlaps existing parcel {other} by about {area} m², beyond the survey tolerance"],
  overlapsFeature: ["与本文件中的地块 {other} 重叠约 {area} 平方米，超出测量容差", "Overlaps parcel {other} of this file by about {area} m², beyond the survey tolerance"],
  outsidePark: ["约 {area} 平方米位于园区边界之外，超出测量容差", "About {area} m² lie outside the park's boundary, beyond the survey tolerance"],
  // attributes
  missingCode: ["缺少地块编号（code）", "The parcel code (code) is missing"],
  invalidCode: ["地块编号 {code} 无效：最多 40 个字符，只能用字母、数字、- _ . /", "Parcel code {code} is not valid: at most 40 letters, digits or - _ . /"],
  duplicateCode: ["地块编号 {code} 在文件中重复（第 {first} 个要素已使用）", "Parcel code {code} appears twice in the file (feature {first} has it too)"],
  codeInOtherPark: ["地块编号 {code} 已属于另一个园区（{park}）", "Parcel code {code} already belongs to another park ({park})"],
  missingField: ["新地块缺少必填字段 {field}", "The new parcel lacks the required field {field}"],
  invalidEnum: ["字段 {field} 的值 {value} 无效，可选：{allowed}", "Field {field} has the invalid value {value}; allowed: {allowed}"],
  invalidDate: ["字段 {field} 的值 {value} 不是日期（YYYY-MM-DD）", "Field {field} value {value} is not a date (YYYY-MM-DD)"],
  invalidPrice: ["价格 {value} 无效：应为 0 到 100000000 之间的整数（元/亩）", "Price {value} is not valid: a whole number of CNY per mu from 0 to 100000000"],
  invalidPlotRatio: ["字段 {field} 的值 {value} 无效：容积率应在 0 到 20 之间", "Field {field} value {value} is not valid: plot ratios run from 0 to 20"],
  invalidCapacity: ["字段 {field} 的值 {value} 无效：应为 0 到 {max} 之间的{kind}", "Field {field} value {value} is not valid: {kindEn} from 0 to {max}"],
  plotRatioOrder: ["容积率下限 {min} 大于上限 {max}", "Plot ratio minimum {min} is above the maximum {max}"],
  unknownZone: ["片区编号 {zone} 不属于该园区", "Zone code {zone} is not a zone of this park"],
  landUseNotAllowed: ["片区 {zone} 不允许用地性质 {landUse}", "Zone {zone} does not allow land use {landUse}"],
  invalidText: ["字段 {field} 过长（最多 {max} 个字符）", "Field {field} is too long (at most {max} characters)"],
  statusNeedsOverride: ["状态从 {from} 改为 {to} 需要“强制修改”权限", "Moving the status from {from} to {to} needs the override permission"],
  tooManyPositions: ["该地块有 {count} 个坐标点，超过上限 {max}：请简化边界（例如在 QGIS 中“简化”至 0.1 米）", "The parcel has {count} positions, more than the {max} allowed: simplify its boundary (e.g. QGIS Simplify at 0.1 m)"],
  tooManyPositionsInFile: ["文件共有 {count} 个坐标点，超过上限 {max}：请分批导入或简化边界", "The file has {count} positions in all, more than the {max} allowed: split it or simplify the boundaries"],
  statusHeld: ["该地块正为线索 {lead} 保留：状态（{from} → {to}）请在该线索页修改，不能通过导入修改", "The parcel is held for lead {lead}: change its status ({from} → {to}) from that lead's page, not by import"],
  statusNeedsReason: ["状态从 {from} 改为 {to} 必须在 statusReason 列写明原因", "Moving the status from {from} to {to} needs a reason in the statusReason column"],
} as const satisfies Record<string, readonly [string, string]>;

export type ProblemCode = keyof typeof MESSAGES;

export interface Problem {
  code: ProblemCode;
  params?: Params;
}

function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export function problemText(p: Problem, locale: "zh" | "en"): string {
  return fill(MESSAGES[p.code][locale === "zh" ? 0 : 1], p.params);
}

/** A ring's name in each language: "exterior ring" / "hole 2". */
export function ringNames(r: number): { ring: string; ringEn: string } {
  return r === 0 ? { ring: "外环", ringEn: "The exterior ring" } : { ring: `第 ${r} 个内环`, ringEn: `Hole ${r}` };
}
