// Allotment conditions for the parks that have parcels, and exchange rates for the dev seed.
// The articles give no investment-intensity, tax or density figures, so every figure here is
// ILLUSTRATIVE (the text says so and the sources say "illustrative"): typical of Guangdong
// industrial land, graded by county as the land prices are (seeds/cadastre-attributes.ts).
// What the articles do say is cited: "交地即动工" (start building on handover) and simulated
// approval (模拟审批) as service promises, article 003.
import { ILLUSTRATIVE, type TermsValues } from "../../lib/costs/terms-schemas";
import type { County } from "../../lib/generated/prisma/enums";
import { cadastrePlan } from "./cadastre-plan";
import { parks } from "./parks";

/** One owner (a park OR a zone) and its terms: the stored shape, lib/costs/terms-schemas.ts. */
export interface TermsSeed extends TermsValues {
  parkCode?: string;
  zoneCode?: string;
}

/** Illustrative grade per county: [min investment 万元/mu, tax 万元/mu/year]. */
const GRADE: Record<County, [number, number]> = {
  PENGJIANG: [350, 25], JIANGHAI: [350, 25], HESHAN: [300, 20], XINHUI: [300, 20],
  TAISHAN: [250, 15], KAIPING: [220, 12], ENPING: [220, 12],
};

const INCENTIVES_ZH = "示意条款（非官方）：供地后即可开工（“交地即动工”），投资项目可走“模拟审批”提前办理手续；具体优惠以园区管委会签订的协议为准。";
const INCENTIVES_EN = "Illustrative terms (not official): building may start on handover (“交地即动工”), and projects may use simulated approval (模拟审批) to prepare permits early; actual incentives are those of the agreement signed with the park's administration.";
/** The source token that marks invented figures. */
export const ILLUSTRATIVE_SOURCE = ILLUSTRATIVE;

export function allotmentTermsSeed(): TermsSeed[] {
  const byCode = new Map(parks.map((p) => [p.code, p]));
  const out: TermsSeed[] = [];
  for (const entry of cadastrePlan) {
    const park = byCode.get(entry.parkCode)!;
    const [investment, tax] = GRADE[park.county ?? "XINHUI"];
    out.push({
      parkCode: park.code,
      minInvestmentWanPerMu: investment,
      taxWanPerMuYear: tax,
      plotRatioMin: 1.2,
      plotRatioMax: 4.0,
      buildingDensityMinPct: 40,
      buildingDensityMaxPct: 70,
      landUseTermYears: 50,
      methods: ["LISTING", "AUCTION"],
      incentivesZh: INCENTIVES_ZH,
      incentivesEn: INCENTIVES_EN,
      sources: ["003", ILLUSTRATIVE_SOURCE],
    });
  }
  // One zone that asks more than its park, so a page shows a zone's terms over the park's.
  out.push({
    zoneCode: "china-eu-cooperation-zone-innovation-centre",
    minInvestmentWanPerMu: 400,
    taxWanPerMuYear: 30,
    plotRatioMin: 2.0,
    plotRatioMax: null,
    buildingDensityMinPct: null,
    buildingDensityMaxPct: null,
    landUseTermYears: null,
    methods: [],
    incentivesZh: null,
    incentivesEn: null,
    sources: [ILLUSTRATIVE_SOURCE],
  });
  return out;
}

/** The dev seed's rates: ILLUSTRATIVE seed values (setById null marks them), for admins to replace. */
export const SEED_RATES = [
  { currency: "USD", cnyPerUnit: "7.120000", asOf: "2026-11-01" },
  { currency: "EUR", cnyPerUnit: "8.250000", asOf: "2026-11-01" },
] as const;
