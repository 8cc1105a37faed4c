"use client";

// The land part of the lead page's forms: a checkbox per parcel of the lead (its value is the
// parcel's version as shown, so a parcel changed since is caught), held as what and until when
// (NEGOTIATING, the land panel) or sold/leased (SIGNED), and an admin's override reason. Each
// parcel says what it is now and who holds it, before anything is promised.
import { useTranslations } from "next-intl";
import type { ParcelProblem } from "@/lib/land/hold-writes";
import type { LeadParcelLand } from "@/lib/land/hold-queries";
import { HOLD_STATUSES, SIGNED_STATUSES } from "@/lib/land/status-transitions";
import { PARCEL_KEY_PREFIX } from "@/lib/land/hold-schemas";
import type { Kit } from "./lead-forms";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

export interface LandFieldsProps {
  parcels: LeadParcelLand[];
  defaultExpiry: string;
  /** first and last day an expiry may be (tomorrow .. a year on) */
  minExpiry: string;
  maxExpiry: string;
  /** holds parcel.override: may take a parcel held for another lead, with a reason */
  mayOverride: boolean;
}

const TAKEN = ["AVAILABLE", "RESERVED", "UNDER_NEGOTIATION"];

/** What a parcel of the lead is now, with its hold: "held for lead X until ...". */
export function useHoldFlag() {
  const th = useTranslations("staff.holds");
  return (p: LeadParcelLand) =>
    p.own
      ? th(p.own.expiringSoon ? "flag.ownNotice" : "flag.own", { heldAs: th(`heldAs.${p.own.heldAs}`), date: p.own.expiresOn })
      : p.other
        ? p.other.reference
          ? th("flag.other", { reference: p.other.reference, date: p.other.expiresOn })
          : th("flag.otherHidden", { date: p.other.expiresOn })
        : null;
}

export function LandMoveFields(p: LandFieldsProps & { kind: "hold" | "sign" | "panel"; kit: Kit }) {
  const th = useTranslations("staff.holds");
  const tp = useTranslations("parcelStatus");
  const flag = useHoldFlag();
  const k = p.kit;
  const sign = p.kind === "sign";
  // Holding: parcels not held for this lead yet; signing: the lead's held land and land on offer.
  const shown = p.parcels.filter((x) => (sign ? true : !x.own));
  // Sold, leased or withdrawn land is never offered; another lead's (or an unrecorded reservation) only to an admin.
  const selectable = (x: LeadParcelLand) =>
    TAKEN.includes(x.status) && (sign || !x.own) && (x.own !== null || (x.status === "AVAILABLE" && !x.other) || p.mayOverride);
  const needsOverride = p.mayOverride && shown.some((x) => selectable(x) && !x.own && x.status !== "AVAILABLE");
  if (shown.length === 0) return <p className="text-sm text-stone-600">{p.kind === "panel" ? th("panel.none") : th("stage.noParcels")}</p>;
  return (
    <fieldset className="space-y-3 rounded-md border border-stone-200 p-3" data-testid={`land-${p.kind}`}>
      {p.kind !== "panel" && (
        <legend className="px-1 text-sm font-semibold">{sign ? th("stage.signTitle") : th("stage.holdTitle")}</legend>
      )}
      <p className="text-xs text-stone-600">{sign ? th("stage.signHint") : th("stage.holdHint")}</p>
      <ul className="space-y-1 text-sm">
        {shown.map((x) => {
          const name = `${PARCEL_KEY_PREFIX}${x.id}`;
          const f = flag(x);
          return (
            <li key={x.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`${p.kind}-${name}`}
                name={name}
                value={String(x.version)}
                disabled={!selectable(x)}
                defaultChecked={k.checked(name, sign ? x.own !== null : false)}
                className="mt-1"
              />
              <label htmlFor={`${p.kind}-${name}`}>
                <span className="font-mono">{x.code}</span> · {tp(x.status)}
                {f && <span className={x.other ? "ml-1 font-semibold text-red-700" : "ml-1 text-brand-700"} data-testid="hold-flag"> · {f}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {k.error("parcels")}
      <div className="grid gap-3 sm:grid-cols-2">
        {sign ? (
          <div>
            {k.label("signAs", th("stage.signAs"))}
            <select key={k.round} {...k.field("signAs")} defaultValue={k.value("signAs", "SOLD")} className={input}>
              {SIGNED_STATUSES.map((s) => <option key={s} value={s}>{th(`signAs.${s}`)}</option>)}
            </select>
          </div>
        ) : (
          <>
            <div>
              {k.label("heldAs", th("stage.heldAs"))}
              <select key={k.round} {...k.field("heldAs")} defaultValue={k.value("heldAs", "UNDER_NEGOTIATION")} className={input}>
                {HOLD_STATUSES.map((s) => <option key={s} value={s}>{th(`heldAs.${s}`)}</option>)}
              </select>
            </div>
            <div>
              {k.label("expiresOn", th("stage.expiresOn"))}
              <input {...k.field("expiresOn")} type="date" min={p.minExpiry} max={p.maxExpiry} defaultValue={k.value("expiresOn", p.defaultExpiry)} className={input} />
              {k.error("expiresOn")}
            </div>
          </>
        )}
      </div>
      {needsOverride && (
        <div>
          {k.label("overrideReason", th("stage.overrideReason"))}
          <input {...k.field("overrideReason")} defaultValue={k.value("overrideReason")} className={input} />
          {k.error("overrideReason")}
        </div>
      )}
    </fieldset>
  );
}

/** Which parcels refused a save, and why, with what each is now. */
export function LandProblems({ parcels, title }: { parcels: ParcelProblem[]; title?: "parcelsChanged" }) {
  const th = useTranslations("staff.holds");
  const tp = useTranslations("parcelStatus");
  const line = (x: ParcelProblem) => {
    const values = { code: x.code, status: tp(x.status), reference: x.heldFor ?? "" };
    if (x.reason === "heldByOther" && x.heldFor) return th("errors.reason.heldByOtherRef", values);
    return th.has(`errors.reason.${x.reason}`) ? th(`errors.reason.${x.reason}`, values) : th("errors.parcel", values);
  };
  return (
    <div className="text-sm" data-testid="land-problems">
      {title && <p>{th(`errors.${title}`)}</p>}
      <ul className="mt-1 list-disc pl-5">
        {parcels.map((x) => <li key={x.code} data-code={x.code}>{line(x)}</li>)}
      </ul>
    </div>
  );
}
