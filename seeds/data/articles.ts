// The five source articles (files under seeds/, id = the 3-digit file prefix).
// Titles are the first headline as printed. Where the page prints no date, publishedOn is the
// best evidence in the text (see the comment on each entry).
import type { ArticleSeed } from "../types";

export const articles: ArticleSeed[] = [
  {
    id: "000",
    titleZh: "“园区再造”工程闯出“空间革命” 做优产业平台",
    titleEn:
      "The Park Regeneration Programme Opens Up a “Spatial Revolution” and Strengthens Industrial Platforms",
    publisher: "Jiangmen Daily (江门日报)",
    // Not printed. The page reports events of 17 and 18 December 2025 (press conference of
    // 18 Dec on the Zhuhai–Zhongshan–Jiangmen solid-waste rules), so the next day's issue.
    publishedOn: "2025-12-19",
    fileName: "000_5bf50750f9aa4b81.txt",
  },
  {
    id: "001",
    titleZh: "「六大工程」回头看——园区再造 平台在整合 产业在集聚",
    titleEn:
      "Looking Back at the “Six Major Projects” — Park Regeneration: Platforms Consolidating, Industries Clustering",
    publisher: "Jiangmen Daily (江门日报)",
    // Not printed. The article quotes January–October 2023 statistics and events of "this
    // year" (2023), so it appeared at the earliest late in 2023; first day of December used.
    publishedOn: "2023-12-01",
    fileName: "001_b6680a8d91bf3153.txt",
  },
  {
    id: "002",
    titleZh: "江门新会 一季度“开门稳” 全力建设“首善之区”",
    titleEn: "Jiangmen Xinhui: A Steady Start in the First Quarter, All-Out Effort to Build a “Model District”",
    // Not printed; the bylines (陈卓栋, 彭纪宁 et al.) are those of Nanfang Daily's Jiangmen
    // reporters, so the publisher is inferred, not printed.
    publisher: "Nanfang Daily (南方日报) — inferred from bylines",
    // Not printed. Latest event reported: the first China–Europe freight train from Heshan on
    // 28 April 2022, with Q1 2022 estimates; first day of May 2022 used.
    publishedOn: "2022-05-01",
    fileName: "002_29067f03fc52df4d.txt",
  },
  {
    id: "003",
    titleZh:
      "加快“一园三中心”建设不动摇,策马扬鞭率先迈入千亿GDP强区 八大关键词带你读懂全会报告",
    titleEn:
      "Unwavering on “One Park, Three Centres”, Racing to Be First into the CNY 100-Billion-GDP League: Eight Keywords to Read the Plenary Report",
    publisher: "Jiangmen Daily (江门日报)",
    // Not printed. Reports the Xinhui District Party Committee plenary held on 8 February 2023;
    // the next day used.
    publishedOn: "2023-02-09",
    fileName: "003_693743cf6eced4d3.txt",
  },
  {
    id: "004",
    titleZh: "聚焦“一点两地”战略定位 纵深推进粤港澳大湾区建设",
    titleEn:
      "Focusing on the “One Point, Two Places” Strategic Positioning to Deepen Greater Bay Area Development",
    publisher: "Jiangmen Daily (江门日报)",
    // Not printed. Reports events of 21 and 22 August 2023 and the Kaiping plenary "yesterday"
    // (22 August), so the issue of 23 August 2023.
    publishedOn: "2023-08-23",
    fileName: "004_69ca20e02664ffc6.txt",
  },
];
