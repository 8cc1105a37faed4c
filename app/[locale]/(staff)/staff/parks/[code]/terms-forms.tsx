// The park page's allotment-terms forms (park.manage, checked by the page and by the action):
// the park's own, and one per zone whose stated fields override the park's.
import { getTranslations } from "next-intl/server";
import { RecordForm, type FieldSpec } from "@/components/staff/record-form";
import { loadAdminTerms } from "@/lib/costs/loaders";
import type { Actor } from "@/lib/auth/actor";
import { AllotmentMethod } from "@/lib/generated/prisma/enums";
import { toFormValues } from "@/lib/parks/admin-queries";
import { saveTermsForm } from "../terms-actions";

interface Props {
  actor: Actor;
  locale: string;
  park: { id: string; code: string };
  zones: { id: string; code: string; name: string }[];
}

export async function TermsForms({ actor, locale, park, zones }: Props) {
  const [t, terms] = await Promise.all([getTranslations("staff.settings.terms"), loadAdminTerms(actor, park.id)]);
  const f = (k: string) => t(`fields.${k}`);
  const fields: FieldSpec[] = [
    { name: "minInvestmentWanPerMu", label: f("minInvestmentWanPerMu"), kind: "number" },
    { name: "taxWanPerMuYear", label: f("taxWanPerMuYear"), kind: "number" },
    { name: "plotRatioMin", label: f("plotRatioMin"), kind: "number" },
    { name: "plotRatioMax", label: f("plotRatioMax"), kind: "number" },
    { name: "buildingDensityMinPct", label: f("buildingDensityMinPct"), kind: "number" },
    { name: "buildingDensityMaxPct", label: f("buildingDensityMaxPct"), kind: "number" },
    { name: "landUseTermYears", label: f("landUseTermYears"), kind: "number" },
    { name: "methods", label: f("methods"), kind: "checkboxes", options: Object.values(AllotmentMethod).map((m) => ({ value: m, label: t(`method.${m}`) })) },
    { name: "incentivesZh", label: f("incentivesZh"), kind: "textarea", maxLength: 2000 },
    { name: "incentivesEn", label: f("incentivesEn"), kind: "textarea", maxLength: 3000 },
    { name: "sources", label: f("sources"), kind: "text", hint: t("sourcesHint"), wide: true, maxLength: 3000 },
  ];
  const form = (id: string, owner: "park" | "zone", ownerId: string, stored: { values: object; version: number }) => (
    <RecordForm id={id} action={saveTermsForm} fields={fields} values={toFormValues(stored.values)} hidden={{ owner, ownerId, version: String(stored.version), locale }} submitLabel={t("save")} testId={`terms-form-${owner}`} />
  );
  const version = (v: number) => (v === 0 ? t("none") : t("version", { version: v }));
  return (
    <section aria-labelledby="terms-title" className="mt-10" data-testid="terms-forms">
      <h2 id="terms-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t("lead")}</p>
      <details className="mt-3 rounded-lg border border-stone-200 bg-white p-4" open>
        <summary className="cursor-pointer font-medium">{t("parkForm")} · <span className="text-sm text-stone-500">{version(terms.park.version)}</span></summary>
        <div className="mt-3">{form("terms-park", "park", park.id, terms.park)}</div>
      </details>
      {zones.map((z) => {
        const stored = terms.zones.get(z.id) ?? { values: {}, version: 0 };
        return (
          <details key={z.id} className="mt-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="terms-zone" data-code={z.code}>
            <summary className="cursor-pointer font-medium">{t("zoneForm", { name: z.name, code: z.code })} · <span className="text-sm text-stone-500">{version(stored.version)}</span></summary>
            <div className="mt-3">{form(`terms-zone-${z.code}`, "zone", z.id, stored)}</div>
          </details>
        );
      })}
    </section>
  );
}
