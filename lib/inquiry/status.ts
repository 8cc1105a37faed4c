// Where an inquiry stands, in the investor's terms: the pipeline's stages and the assignment
// folded into six steps. Pure; the staff's stage names (qualified, lost) and reasons stay
// inside: a lost lead reads "closed", and "qualified" is still "contacted" to the investor.
import type { InquiryStage } from "../generated/prisma/enums";

export const INVESTOR_STEPS = ["received", "assigned", "contacted", "visit", "negotiating", "closed"] as const;
export type InvestorStep = (typeof INVESTOR_STEPS)[number];

export function investorStep(lead: { stage: InquiryStage; assigneeId: string | null; firstRespondedAt?: Date | null }): InvestorStep {
  switch (lead.stage) {
    case "SIGNED":
    case "LOST":
      return "closed";
    case "NEGOTIATING":
      return "negotiating";
    case "SITE_VISIT":
      return "visit";
    case "CONTACTED":
    case "QUALIFIED":
      return "contacted";
    case "NEW":
      // A first answer already went out (the move to CONTACTED follows it): contacted.
      if (lead.firstRespondedAt) return "contacted";
      return lead.assigneeId ? "assigned" : "received";
  }
}
