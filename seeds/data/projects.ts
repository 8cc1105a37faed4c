// Enterprise projects named in the source articles. Dates are filled only where an article
// prints them; when only a month is printed the first day of that month is used and the
// description says so. Stages follow the articles' wording (see each description).
import type { ProjectSeed } from "../types";

export const projects: ProjectSeed[] = [
  // ---------------------------------------------------------------------------------------
  // New-energy batteries: CALB and its suppliers (Xinhui Smart Manufacturing, Fengshanhu)
  // ---------------------------------------------------------------------------------------
  {
    code: "calb-jiangmen-base",
    nameZh: "中创新航50GWh动力电池及储能系统江门基地项目",
    nameEn: "CALB 50 GWh Power Battery and Energy Storage System Jiangmen Base",
    companyZh: "中创新航科技股份有限公司",
    companyEn: "CALB Group Co., Ltd.",
    industry: "NEW_ENERGY_BATTERY",
    investmentCny: 20000000000,
    capacityZh: "50GWh动力电池及储能系统",
    capacityEn: "50 GWh of power batteries and energy storage systems",
    floorAreaM2: 530000,
    stage: "UNDER_CONSTRUCTION",
    parkCode: "xinhui-smart-manufacturing",
    zoneCode: "xinhui-smart-manufacturing-fengshanhu",
    signedOn: "2022-01-01",
    descriptionZh:
      "总投资200亿元，是江门目前投资规模最大的动力电池类项目。2022年1月签约，新会成立项目指挥部，从签约到“拿地动工”只用了40多天。厂区建筑面积达53万平方米；新会提出推动一期于2023年一季度投产、加快二期上马。作为江门新能源电池产业链“领头羊”，已带动投资额合计100亿元的多个关联项目落户。",
    descriptionEn:
      "A CNY 20 billion project, Jiangmen's largest power-battery investment. Signed in January 2022; Xinhui set up a dedicated project headquarters and it went from signing to ground-breaking in just over 40 days. The plant has 530,000 m² of floor space; Xinhui aimed to start phase 1 production in Q1 2023 and launch phase 2. As the lead firm of Jiangmen's battery chain it has drawn related projects worth CNY 10 billion in total.",
    noteZh: "文章只载明签约月份，日期取当月1日；文章未报道投产情况。",
    noteEn: "Only the month of signing is printed, the 1st is used; the articles do not report production.",
    sourceArticles: ["001", "002", "003", "004"],
  },
  {
    code: "kedali-jiangmen",
    nameZh: "科达利江门项目",
    nameEn: "Kedali Jiangmen Project",
    companyZh: "科达利",
    companyEn: "Shenzhen Kedali Industry Co., Ltd.",
    industry: "NEW_ENERGY_BATTERY",
    stage: "SIGNED",
    parkCode: "xinhui-smart-manufacturing",
    zoneCode: "xinhui-smart-manufacturing-fengshanhu",
    descriptionZh:
      "中创新航的上下游龙头企业之一，随中创新航落户新会智造产业园凤山湖园区。",
    descriptionEn:
      "One of the leading CALB suppliers that followed it into the Fengshanhu area of Xinhui Smart Manufacturing Industrial Park.",
    noteZh: "文章只说“相继落户”，未载明产品、投资额和建设进度。",
    noteEn: "The article only says the firm has settled there; product, investment and progress are not given.",
    sourceArticles: ["001"],
  },
  {
    code: "tinci-jiangmen",
    nameZh: "天赐江门项目",
    nameEn: "Tinci Jiangmen Project",
    companyZh: "天赐",
    companyEn: "Guangzhou Tinci Materials Technology Co., Ltd.",
    industry: "NEW_ENERGY_BATTERY",
    stage: "SIGNED",
    parkCode: "xinhui-smart-manufacturing",
    zoneCode: "xinhui-smart-manufacturing-fengshanhu",
    descriptionZh:
      "中创新航的上下游龙头企业之一，随中创新航落户新会智造产业园凤山湖园区。",
    descriptionEn:
      "One of the leading CALB suppliers that followed it into the Fengshanhu area of Xinhui Smart Manufacturing Industrial Park.",
    noteZh: "文章只说“相继落户”，未载明产品、投资额和建设进度。",
    noteEn: "The article only says the firm has settled there; product, investment and progress are not given.",
    sourceArticles: ["001"],
  },
  {
    code: "precision-test-jiangmen",
    nameZh: "精测电子江门项目",
    nameEn: "Precision Test (Jingce Electronic) Jiangmen Project",
    companyZh: "精测电子",
    companyEn: "Wuhan Jingce Electronic Group Co., Ltd. (Precision Test)",
    industry: "NEW_ENERGY_BATTERY",
    stage: "SIGNED",
    parkCode: "xinhui-smart-manufacturing",
    zoneCode: "xinhui-smart-manufacturing-fengshanhu",
    descriptionZh:
      "中创新航的上下游龙头企业之一，随中创新航落户新会智造产业园凤山湖园区。",
    descriptionEn:
      "One of the leading CALB suppliers that followed it into the Fengshanhu area of Xinhui Smart Manufacturing Industrial Park.",
    noteZh: "文章只说“相继落户”，未载明产品、投资额和建设进度。",
    noteEn: "The article only says the firm has settled there; product, investment and progress are not given.",
    sourceArticles: ["001"],
  },

  // ---------------------------------------------------------------------------------------
  // Silicon energy: Guangdong (Jiangmen) Silicon Energy Industrial Base
  // ---------------------------------------------------------------------------------------
  {
    code: "longi-pv-modules",
    nameZh: "隆基绿能光伏组件项目",
    nameEn: "LONGi Green Energy PV Module Project",
    companyZh: "隆基绿能",
    companyEn: "LONGi Green Energy Technology Co., Ltd.",
    industry: "PHOTOVOLTAIC",
    landAreaHa: 34,
    stage: "UNDER_CONSTRUCTION",
    parkCode: "guangdong-silicon-energy-base",
    zoneCode: "guangdong-silicon-energy-base-longi",
    descriptionZh:
      "全球领先的光伏龙头企业隆基绿能在广东（江门）硅能源产业基地隆基园区内建设的光伏组件项目，占地34公顷，24小时不间断施工，首个单体厂房已于（2023年）6月封顶。",
    descriptionEn:
      "A 34 ha PV module project by LONGi Green Energy, a world-leading PV maker, in the LONGi park of the Guangdong (Jiangmen) Silicon Energy Industrial Base; built round the clock, its first building was topped out in June (2023).",
    sourceArticles: ["001"],
  },
  {
    code: "xinyi-glass-jiangmen",
    nameZh: "信义玻璃项目",
    nameEn: "Xinyi Glass Project",
    companyZh: "信义玻璃",
    companyEn: "Xinyi Glass Holdings Limited",
    industry: "GLASS",
    investmentCny: 2000000000,
    stage: "UNDER_CONSTRUCTION",
    parkCode: "guangdong-silicon-energy-base",
    descriptionZh: "投资约20亿元，位于广东（江门）硅能源产业基地，正加快桩基基础施工（2023年）。",
    descriptionEn:
      "About CNY 2 billion, in the Guangdong (Jiangmen) Silicon Energy Industrial Base; pile foundations were being laid at speed (2023).",
    sourceArticles: ["001"],
  },
  {
    code: "fengjiang-jiangmen",
    nameZh: "丰江实业项目",
    nameEn: "Fengjiang Industrial Project",
    companyZh: "丰江实业",
    companyEn: "Fengjiang Industrial",
    industry: "SILICON_ENERGY",
    investmentCny: 1000000000,
    stage: "TRIAL_PRODUCTION",
    parkCode: "guangdong-silicon-energy-base",
    descriptionZh:
      "投资约10亿元，位于广东（江门）硅能源产业基地，已试投产（2023年）。",
    descriptionEn:
      "About CNY 1 billion, in the Guangdong (Jiangmen) Silicon Energy Industrial Base; in trial production (2023).",
    noteZh: "文章未载明产品，产业类别按所在基地归为硅能源。",
    noteEn: "The article does not name its products; the industry is that of the base.",
    sourceArticles: ["001"],
  },

  // ---------------------------------------------------------------------------------------
  // Taishan, equipment, food
  // ---------------------------------------------------------------------------------------
  {
    code: "fuwa-brake-pads",
    nameZh: "富华重工刹车片智能制造项目",
    nameEn: "FUWA Heavy Industry Brake Pad Smart Manufacturing Plant",
    companyZh: "广东富华重工制造有限公司",
    companyEn: "Guangdong FUWA Heavy Industry Manufacturing Co., Ltd.",
    industry: "AUTO_PARTS",
    stage: "IN_PRODUCTION",
    originCity: "Foshan (Shunde)",
    parkCode: "taishan-industrial-new-city",
    descriptionZh:
      "富华重工2007年在江门成立，集团总部位于佛山顺德。其位于台山工业新城的刹车片智能制造自动化生产车间内，刹车片从“粉状”到“片状”仅需5分钟。总经理谭嘉骅说选择江门是因为“江门有地，产业空间供给充足”。",
    descriptionEn:
      "FUWA Heavy Industry set up in Jiangmen in 2007; its group headquarters is in Shunde, Foshan. In its automated brake-pad workshop in Taishan Industrial New City, powder becomes a finished pad in five minutes. General manager Tan Jiahua says the firm chose Jiangmen because “Jiangmen has land, and industrial space is plentiful.”",
    sourceArticles: ["001"],
  },
  {
    code: "xinlong-shield-machines",
    nameZh: "欣龙隧道装备盾构机项目",
    nameEn: "Xinlong Tunnel Equipment Shield Machine Business",
    companyZh: "广东欣龙隧道装备股份有限公司",
    companyEn: "Guangdong Xinlong Tunnel Equipment Co., Ltd.",
    industry: "HIGH_END_EQUIPMENT",
    stage: "IN_PRODUCTION",
    parkCode: "jiangmen-industrial-cluster",
    descriptionZh:
      "江门积极开辟盾构机等特色产业新赛道的代表企业。",
    descriptionEn:
      "An example of Jiangmen opening new specialty tracks such as shield tunnelling machines.",
    noteZh: "文章以图片展示该企业；未载明所在园区，故挂在江门大型产业集聚区下。",
    noteEn: "The article pictures the firm and names no park, so it is listed under the Jiangmen Large Industrial Cluster.",
    sourceArticles: ["001"],
  },
  {
    code: "lee-kum-kee-xinhui",
    nameZh: "李锦记（新会）食品生产基地",
    nameEn: "Lee Kum Kee (Xinhui) Food Production Base",
    companyZh: "李锦记（新会）食品有限公司",
    companyEn: "Lee Kum Kee (Xinhui) Food Co., Ltd.",
    industry: "HEALTHY_FOOD",
    stage: "IN_PRODUCTION",
    parkCode: "qibao-healthy-food-island",
    descriptionZh:
      "新会提出加快建设7堡健康食品岛，推动李锦记等龙头食品企业进军预制菜行业，并开拓李锦记工业游；2025年12月瑞鲁访华团曾参观该公司。",
    descriptionEn:
      "Xinhui plans to speed up the Qibao healthy food island and help leading food makers such as Lee Kum Kee move into prepared dishes, and promotes Lee Kum Kee industrial tourism; a visiting delegation toured the company in December 2025.",
    sourceArticles: ["000", "003"],
  },

  // ---------------------------------------------------------------------------------------
  // Main platform, China–EU cooperation (Heshan)
  // ---------------------------------------------------------------------------------------
  {
    code: "yayao-land-quota-project",
    nameZh: "中欧雅瑶新兴产业园项目",
    nameEn: "China-EU Yayao Emerging Industries Park Project",
    companyZh: "未披露（主平台园区配套设施建设项目）",
    companyEn: "Not disclosed (main-platform park infrastructure project)",
    industry: "ADVANCED_MANUFACTURING",
    stage: "SIGNED",
    parkCode: "heshan-yayao",
    descriptionZh:
      "江门主平台园区配套设施建设项目累计获得88.53公顷用地指标，其中中欧雅瑶新兴产业园项目成为全省第一个使用用地指标的项目。",
    descriptionEn:
      "Of the 88.53 ha of land-use quota granted to the main platform's park infrastructure projects, the China-EU Yayao Emerging Industries Park project was the first in Guangdong to use its quota.",
    noteZh: "文章未载明建设主体、投资额和进度；阶段“已签约”表示已获得用地指标。",
    noteEn: "Developer, investment and progress are not given; the “signed” stage stands for the quota having been granted.",
    sourceArticles: ["001"],
  },
  {
    code: "ohmio-autonomous-vehicles",
    nameZh: "OHMIO自动驾驶汽车项目",
    nameEn: "OHMIO Autonomous Vehicle Project",
    companyZh: "OHMIO",
    companyEn: "OHMIO",
    industry: "ADVANCED_MANUFACTURING",
    stage: "IN_PRODUCTION",
    parkCode: "china-eu-cooperation-zone",
    zoneCode: "china-eu-cooperation-zone-innovation-centre",
    descriptionZh:
      "科技创新项目，已进驻鹤山工业城的中欧创新中心（2022年）。",
    descriptionEn:
      "A technology project that has moved into the China–EU Innovation Centre in Heshan Industrial City (2022).",
    noteZh: "“投产”阶段表示已进驻运营，文章未载明产能。",
    noteEn: "The “in production” stage stands for “moved in and operating”; no capacity is given.",
    sourceArticles: ["002"],
  },
  {
    code: "vailog-heshan",
    nameZh: "维龙物流项目",
    nameEn: "Vailog Logistics Project",
    companyZh: "维龙物流",
    companyEn: "Vailog",
    industry: "LOGISTICS",
    stage: "SIGNED",
    parkCode: "china-eu-cooperation-zone",
    descriptionZh: "鹤山近五年对接欧洲成功引入的知名企业之一。",
    descriptionEn:
      "One of the well-known firms Heshan attracted in its five years of work with Europe.",
    noteZh: "文章未载明所在园区和建设进度。",
    noteEn: "The article gives neither the park nor the progress.",
    sourceArticles: ["002"],
  },
  {
    code: "plati-heshan",
    nameZh: "意大利柏拉蒂电子项目",
    nameEn: "Plati Electronics (Italy) Project",
    companyZh: "意大利柏拉蒂电子",
    companyEn: "Plati (Italy)",
    industry: "NEXT_GEN_IT",
    stage: "SIGNED",
    parkCode: "china-eu-cooperation-zone",
    descriptionZh: "鹤山近五年对接欧洲成功引入的知名企业之一。",
    descriptionEn:
      "One of the well-known firms Heshan attracted in its five years of work with Europe.",
    noteZh: "文章未载明所在园区和建设进度。",
    noteEn: "The article gives neither the park nor the progress.",
    sourceArticles: ["002"],
  },
  {
    code: "franke-heshan",
    nameZh: "瑞士弗兰卡亚太地区研发生产总部",
    nameEn: "Franke (Switzerland) Asia-Pacific R&D and Production Headquarters",
    companyZh: "瑞士弗兰卡",
    companyEn: "Franke (Switzerland)",
    industry: "PLUMBING_SANITARY",
    stage: "IN_PRODUCTION",
    parkCode: "china-eu-cooperation-zone",
    descriptionZh: "在鹤山设立亚太地区的研发生产总部。",
    descriptionEn:
      "Has set up its Asia-Pacific R&D and production headquarters in Heshan.",
    noteZh: "文章未载明所在园区；产业类别按该企业的厨卫主业归类。",
    noteEn: "The article names no park; the industry follows the company's kitchen and sanitary business.",
    sourceArticles: ["002"],
  },
  {
    code: "taitaisi-heshan",
    nameZh: "俄罗斯泰泰斯亚太地区研发生产总部",
    nameEn: "Taitaisi (Russia) Asia-Pacific R&D and Production Headquarters",
    companyZh: "俄罗斯泰泰斯",
    companyEn: "Taitaisi (Russia)",
    industry: "ADVANCED_MANUFACTURING",
    stage: "IN_PRODUCTION",
    parkCode: "china-eu-cooperation-zone",
    descriptionZh: "在鹤山设立亚太地区的研发生产总部。",
    descriptionEn:
      "Has set up its Asia-Pacific R&D and production headquarters in Heshan.",
    noteZh: "文章未载明所在园区和产品。",
    noteEn: "The article names neither the park nor the products.",
    sourceArticles: ["002"],
  },
  {
    code: "ferroli-heshan",
    nameZh: "意大利法罗力亚太地区研发生产总部",
    nameEn: "Ferroli (Italy) Asia-Pacific R&D and Production Headquarters",
    companyZh: "意大利法罗力",
    companyEn: "Ferroli (Italy)",
    industry: "SMART_HOME",
    stage: "IN_PRODUCTION",
    parkCode: "china-eu-cooperation-zone",
    descriptionZh: "在鹤山设立亚太地区的研发生产总部。",
    descriptionEn:
      "Has set up its Asia-Pacific R&D and production headquarters in Heshan.",
    noteZh: "文章未载明所在园区；产业类别按该企业的家用供暖设备主业归类。",
    noteEn: "The article names no park; the industry follows the company's home heating appliance business.",
    sourceArticles: ["002"],
  },

  // ---------------------------------------------------------------------------------------
  // Jianghai, Daguanghai Bay
  // ---------------------------------------------------------------------------------------
  {
    code: "aerospace-incubator-jianghai",
    nameZh: "航天特色产业孵化器、加速器及特色产业园",
    nameEn: "Aerospace Industry Incubator, Accelerator and Specialty Park",
    companyZh: "航天科创（深圳航天工研院子公司）",
    companyEn: "Aerospace Science & Innovation (subsidiary of the Shenzhen Academy of Aerospace Technology)",
    industry: "HIGH_END_EQUIPMENT",
    stage: "SIGNED",
    originCity: "Shenzhen",
    parkCode: "jiangmen-national-hitech-zone",
    descriptionZh:
      "江海区与深圳航天工研院子公司航天科创成功签约，共建航天特色产业孵化器、加速器、特色产业园，研发网格管理、基层治理等应用场景以及社会治理应用系统和单兵装备产品（2022年）。",
    descriptionEn:
      "Jianghai District signed with Aerospace Science & Innovation, a subsidiary of the Shenzhen Academy of Aerospace Technology, to co-build an aerospace incubator, accelerator and specialty park and develop grid-management and social-governance applications and individual equipment (2022).",
    sourceArticles: ["002"],
  },
  {
    code: "rcep-exchange-centre",
    nameZh: "大广海湾RCEP经贸科技文化交流中心",
    nameEn: "Daguanghai Bay RCEP Economic, Trade, Science & Culture Exchange Centre",
    companyZh: "广东启德集团",
    companyEn: "Guangdong Qide Group",
    industry: "LOGISTICS",
    stage: "UNDER_CONSTRUCTION",
    parkCode: "daguanghai-bay-economic-zone",
    signedOn: "2022-04-01",
    descriptionZh:
      "2022年4月1日在台山签约，拟选址大广海湾经济区，打造东部城市创新发展区和西部新兴产业发展区；2023年8月报道全国首个RCEP经贸科技文化交流中心已开工建设。",
    descriptionEn:
      "Signed in Taishan on 1 April 2022, with a proposed site in the Daguanghai Bay economic zone, planned as an eastern urban innovation area and a western emerging-industry area; in August 2023 the country's first RCEP economic, trade, science and culture exchange centre was reported under construction.",
    noteZh: "原文印作“江江湾经济开发区”；产业类别无对应枚举，暂归物流（经贸服务）。",
    noteEn: "Printed garbled as “江江湾经济开发区”; no industry value fits, filed under logistics (trade services).",
    sourceArticles: ["002", "004"],
  },
];
