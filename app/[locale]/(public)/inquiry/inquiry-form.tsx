"use client";

import "@/lib/zod-csp";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Industry } from "@/lib/generated/prisma/enums";
import { formatArea } from "@/lib/i18n/format";
import type { LoadShortfall } from "@/lib/inquiry/matching";
import type { PrefillField } from "@/lib/inquiry/prefill";
import { shortfallText } from "@/lib/inquiry/shortfall-text";
import { inquirySchema, TIMELINES } from "@/lib/inquiry/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import { submitInquiry, type InquiryState } from "./actions";

interface Props {
  locale: "zh" | "en";
  idempotencyKey: string;
  hidden: Record<string, string>;
  searchHref: string;
  /** fields filled in from the search the visitor came from (lib/inquiry/prefill.ts) */
  prefill?: Partial<Record<PrefillField, string>>;
  /** said under the land field when the search had only a maximum (the field is left blank) */
  landHint?: string;
}

/** Fields the schema rejects when left empty: announced as required (the others are labelled optional). */
const REQUIRED = new Set(Object.entries(inquirySchema.shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k));

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

export function InquiryForm({ locale, idempotencyKey, hidden, searchHref, prefill = {}, landHint }: Props) {
  const t = useTranslations("inquiry");
  const to = useTranslations("inquiryOutcome");
  const ti = useTranslations("industry");
  const tv = useTranslations("validation");
  const tf = useTranslations("investor.finder.inquiry");
  // No match because of the stated load (lib/inquiry/matching.ts loadShortfall): say which need.
  const noMatchText = (s: LoadShortfall | null) => (s ? shortfallText(locale, (key, values) => tf(key, values), s) : null);
  const [state, formAction, pending] = useActionState<InquiryState, FormData>(submitInquiry, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const errors = { ...serverErrors, ...clientErrors };
  // What was typed comes back with a refusal and is rendered as the fields' defaults (the page
  // without JavaScript is rendered anew; with it, React resets the form to its defaults).
  const values: Record<string, string | undefined> = state && !state.ok ? (state.values ?? {}) : prefill;
  const formError = errors.form ?? (state && !state.ok ? state.error.message : undefined);
  const message = (key: string) => (to.has(key) ? to(key as "refused") : t.has(`errors.${key}`) ? t(`errors.${key}` as "errors.invalid", { requestId: state && !state.ok ? (state.error.requestId ?? "") : "" }) : t("errors.invalid"));

  if (state?.ok) {
    return (
      <section role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-6" data-testid="inquiry-success">
        <h2 className="text-xl font-semibold text-brand-900">{t("successTitle")}</h2>
        <p className="mt-3">
          {t("reference")}: <strong className="font-mono text-lg" data-testid="inquiry-reference">{state.data.reference}</strong>
        </p>
        <p className="mt-3" data-testid="inquiry-matched">{noMatchText(state.data.shortfall) ?? t("matched", { count: state.data.matchedBlocks })}</p>
        {state.data.matches.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="inquiry-matches">
            {state.data.matches.map((m) => (
              <li key={m.key}>
                <a className="text-brand-700 underline" href={`/${locale}/blocks/${encodeURIComponent(m.key)}?${m.query}`}>
                  {t("matchItem", { area: formatArea(locale, m.areaM2), count: m.parcelCount, park: m.parks.map((p) => (locale === "zh" ? p.nameZh : p.nameEn)).join(" / ") })}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">{t("successNext")}</p>
        <a href={searchHref} className="mt-4 inline-block text-brand-700 underline">{t("backToSearch")}</a>
      </section>
    );
  }

  const field = (name: string) => ({
    name,
    id: name,
    "aria-required": REQUIRED.has(name) || undefined,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
        {translateFieldMessage(tv, errors[name]!)}
      </p>
    ) : null;
  const label = (name: string, text: string, optional = false) => (
    <label htmlFor={name} className="block text-sm font-medium">
      {text}
      {optional && <span className="font-normal text-stone-500"> ({t("optional")})</span>}
    </label>
  );

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        // Same schema as the server: mistakes are shown before anything is sent.
        const data = Object.fromEntries(new FormData(event.currentTarget).entries());
        const parsed = inquirySchema.safeParse(data);
        const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
        setClientErrors(found);
        if (!parsed.success) {
          event.preventDefault();
          // Focus the first field in error once it is re-rendered with its message, so a
          // screen reader announces the field and what is wrong with it.
          const form = event.currentTarget;
          setTimeout(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
        }
      }}
    >
      {formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="inquiry-error">
          {message(formError)}
        </p>
      )}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("website")}</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
        <div>{label("contactName", t("contactName"))}<input {...field("contactName")} defaultValue={values.contactName} autoComplete="name" className={input} />{error("contactName")}</div>
        <div>{label("company", t("company"))}<input {...field("company")} defaultValue={values.company} autoComplete="organization" className={input} />{error("company")}</div>
        <div>{label("email", t("email"))}<input {...field("email")} defaultValue={values.email} type="email" autoComplete="email" className={input} />{error("email")}</div>
        <div>{label("phone", t("phone"))}<input {...field("phone")} defaultValue={values.phone} type="tel" autoComplete="tel" className={input} />{error("phone")}</div>
        <div>{label("country", t("country"))}<input {...field("country")} defaultValue={values.country} autoComplete="country-name" className={input} />{error("country")}</div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("project")}</legend>
        <div>
          {label("industry", t("industry"), true)}
          <select {...field("industry")} key={values.industry ?? ""} className={input} defaultValue={values.industry ?? ""}>
            <option value="">{t("select")}</option>
            {Object.values(Industry).map((i) => (
              <option key={i} value={i}>{ti(i)}</option>
            ))}
          </select>
          {error("industry")}
        </div>
        <div>{label("investmentCny", t("investmentCny"), true)}<input {...field("investmentCny")} defaultValue={values.investmentCny} inputMode="numeric" className={input} />{error("investmentCny")}</div>
        <div>{label("landNeededMu", t("landNeededMu"), true)}<input {...field("landNeededMu")} defaultValue={values.landNeededMu} inputMode="decimal" className={input} />{landHint && <p className="mt-1 text-xs text-stone-600" data-testid="land-hint">{landHint}</p>}{error("landNeededMu")}</div>
        <div>{label("jobs", t("jobs"), true)}<input {...field("jobs")} defaultValue={values.jobs} inputMode="numeric" className={input} />{error("jobs")}</div>
        <div>{label("powerKva", t("powerKva"), true)}<input {...field("powerKva")} defaultValue={values.powerKva} inputMode="numeric" className={input} />{error("powerKva")}</div>
        <div>{label("waterTonsPerDay", t("waterTonsPerDay"), true)}<input {...field("waterTonsPerDay")} defaultValue={values.waterTonsPerDay} inputMode="decimal" className={input} />{error("waterTonsPerDay")}</div>
        <div>
          {label("timeline", t("timeline"), true)}
          <select {...field("timeline")} key={values.timeline ?? ""} className={input} defaultValue={values.timeline ?? ""}>
            <option value="">{t("select")}</option>
            {TIMELINES.map((v) => (
              <option key={v} value={v}>{t(`timelines.${v}`)}</option>
            ))}
          </select>
          {error("timeline")}
        </div>
        <div className="sm:col-span-2">{label("message", t("message"))}<textarea {...field("message")} defaultValue={values.message} rows={5} className={input} />{error("message")}</div>
      </fieldset>

      <section aria-labelledby="privacy-title" className="rounded-md border border-stone-200 bg-stone-50 p-4 text-sm">
        <h2 id="privacy-title" className="font-semibold">{t("privacyTitle")}</h2>
        <p className="mt-2 text-stone-700">{t("privacy")}</p>
        <label className="mt-3 flex items-start gap-2">
          <input type="checkbox" {...field("consent")} defaultChecked={values.consent === "on"} className="mt-1" />
          <span>{t("consent")}</span>
        </label>
        {error("consent")}
      </section>

      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
