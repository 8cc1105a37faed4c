// The curated logistics layer: ports, airports, rail stations, expressway interchanges and the
// two fixed sea crossings that put Jiangmen within reach of Shenzhen and Zhuhai.
// EVERY POSITION IS APPROXIMATE (placed by the portal team to within a few km from public maps;
// not surveyed): distances built on them are "about" figures, and the pages say so.
// `articleId` names the source article where one mentions the place; the others are general
// knowledge of the Pearl River Delta's transport network.
import type { ArticleId } from "../types";

export const LOGISTICS_KINDS = ["port", "airport", "rail", "expressway", "crossing"] as const;
export type LogisticsKind = (typeof LOGISTICS_KINDS)[number];

export interface LogisticsPoint {
  /** stable id, used in URLs and tests */
  id: string;
  kind: LogisticsKind;
  nameZh: string;
  nameEn: string;
  lng: number;
  lat: number;
  /** inside Jiangmen (shown on the city map at every zoom) or elsewhere in the Bay Area */
  inJiangmen: boolean;
  articleId?: ArticleId;
  noteZh?: string;
  noteEn?: string;
}

export const logisticsPoints: readonly LogisticsPoint[] = [
  // Ports
  { id: "port-gaosha", kind: "port", nameZh: "江门港高沙港区（江门国际货柜码头）", nameEn: "Jiangmen Port, Gaosha terminal", lng: 113.132, lat: 22.566, inJiangmen: true, articleId: "004", noteZh: "“江门—深圳盐田组合港”起点", noteEn: "start of the Jiangmen–Yantian combined-port service" },
  { id: "port-xinhui", kind: "port", nameZh: "新会港", nameEn: "Xinhui Port", lng: 113.062, lat: 22.318, inJiangmen: true, articleId: "003" },
  { id: "port-guanghai", kind: "port", nameZh: "广海湾港区", nameEn: "Guanghai Bay port area (Taishan)", lng: 112.79, lat: 21.94, inJiangmen: true },
  { id: "port-nansha", kind: "port", nameZh: "广州港南沙港区", nameEn: "Guangzhou Port, Nansha", lng: 113.664, lat: 22.69, inJiangmen: false },
  { id: "port-gaolan", kind: "port", nameZh: "珠海港高栏港区", nameEn: "Zhuhai Port, Gaolan", lng: 113.225, lat: 21.935, inJiangmen: false },
  { id: "port-yantian", kind: "port", nameZh: "深圳盐田港", nameEn: "Shenzhen Yantian Port", lng: 114.276, lat: 22.578, inJiangmen: false, articleId: "004" },
  { id: "port-shekou", kind: "port", nameZh: "深圳蛇口港", nameEn: "Shenzhen Shekou Port", lng: 113.9, lat: 22.472, inJiangmen: false },
  { id: "port-kwai-tsing", kind: "port", nameZh: "香港葵青货柜码头", nameEn: "Hong Kong Kwai Tsing Container Terminals", lng: 114.121, lat: 22.34, inJiangmen: false },
  // Airports
  { id: "airport-zhuhai", kind: "airport", nameZh: "珠海金湾机场", nameEn: "Zhuhai Jinwan Airport", lng: 113.376, lat: 22.006, inJiangmen: false },
  { id: "airport-baiyun", kind: "airport", nameZh: "广州白云国际机场", nameEn: "Guangzhou Baiyun International Airport", lng: 113.299, lat: 23.392, inJiangmen: false },
  { id: "airport-baoan", kind: "airport", nameZh: "深圳宝安国际机场", nameEn: "Shenzhen Bao'an International Airport", lng: 113.811, lat: 22.639, inJiangmen: false },
  { id: "airport-hkg", kind: "airport", nameZh: "香港国际机场", nameEn: "Hong Kong International Airport", lng: 113.915, lat: 22.308, inJiangmen: false },
  // Rail stations (high-speed and intercity)
  { id: "rail-jiangmen", kind: "rail", nameZh: "江门站", nameEn: "Jiangmen Station", lng: 113.125, lat: 22.578, inJiangmen: true },
  { id: "rail-xinhui", kind: "rail", nameZh: "新会站", nameEn: "Xinhui Station", lng: 113.037, lat: 22.485, inJiangmen: true },
  { id: "rail-taishan", kind: "rail", nameZh: "台山站", nameEn: "Taishan Station", lng: 112.783, lat: 22.238, inJiangmen: true },
  { id: "rail-kaiping", kind: "rail", nameZh: "开平南站", nameEn: "Kaiping South Station", lng: 112.7, lat: 22.337, inJiangmen: true },
  { id: "rail-enping", kind: "rail", nameZh: "恩平站", nameEn: "Enping Station", lng: 112.31, lat: 22.18, inJiangmen: true },
  { id: "rail-heshan", kind: "rail", nameZh: "鹤山站", nameEn: "Heshan Station", lng: 112.96, lat: 22.74, inJiangmen: true },
  // Expressway interchanges
  { id: "expressway-jiangmen-north", kind: "expressway", nameZh: "江门北互通", nameEn: "Jiangmen North interchange", lng: 113.07, lat: 22.63, inJiangmen: true },
  { id: "expressway-xinhui", kind: "expressway", nameZh: "新会互通（江珠高速）", nameEn: "Xinhui interchange (Jiangmen–Zhuhai Expressway)", lng: 113.05, lat: 22.47, inJiangmen: true },
  { id: "expressway-yinzhouhu", kind: "expressway", nameZh: "银洲湖高速互通", nameEn: "Yinzhou Lake Expressway interchange", lng: 113.08, lat: 22.33, inJiangmen: true, articleId: "003" },
  { id: "expressway-heshan", kind: "expressway", nameZh: "鹤山互通（沈海高速）", nameEn: "Heshan interchange (G15 Shenyang–Haikou)", lng: 112.96, lat: 22.76, inJiangmen: true },
  { id: "expressway-kaiping", kind: "expressway", nameZh: "开平互通（沈海高速）", nameEn: "Kaiping interchange (G15)", lng: 112.7, lat: 22.38, inJiangmen: true },
  { id: "expressway-taishan", kind: "expressway", nameZh: "台山互通（沈海高速）", nameEn: "Taishan interchange (G15)", lng: 112.8, lat: 22.27, inJiangmen: true },
  { id: "expressway-enping", kind: "expressway", nameZh: "恩平互通", nameEn: "Enping interchange", lng: 112.32, lat: 22.2, inJiangmen: true },
  // Fixed sea crossings: the point is the end investors drive to
  { id: "crossing-shenzhong", kind: "crossing", nameZh: "深中通道（中山端）", nameEn: "Shenzhen–Zhongshan Link (Zhongshan end)", lng: 113.58, lat: 22.55, inJiangmen: false, noteZh: "约 30 分钟到深圳", noteEn: "about 30 minutes on to Shenzhen" },
  { id: "crossing-huangmaohai", kind: "crossing", nameZh: "黄茅海跨海通道（台山端）", nameEn: "Huangmaohai Sea-Crossing (Taishan end)", lng: 112.98, lat: 22.03, inJiangmen: true, noteZh: "连接珠海高栏港与珠海机场", noteEn: "links to Zhuhai's Gaolan Port and airport" },
  { id: "crossing-hzmb", kind: "crossing", nameZh: "港珠澳大桥（珠海口岸）", nameEn: "Hong Kong–Zhuhai–Macao Bridge (Zhuhai port)", lng: 113.585, lat: 22.21, inJiangmen: false },
];
