"use client";

// The land panel: the lead's active holds with their expiry, each with "extend" and "release",
// and a form to hold more of the lead's parcels outside a stage move. Same forms as the rest of
// the page (ActionForm: the lead's version, typed values kept after a refusal).
import { extendHoldSchema, holdParcelsSchema, releaseHoldSchema } from "@/lib/land/hold-schemas";
import type { LeadFormState } from "./actions";
import { LandMoveFields, type LandFieldsProps } from "./land-fields";
import { ActionForm, useMessages } from "./lead-forms";

type FormAction = (prev: LeadFormState, form: FormData) => Promise<LeadFormState>;
const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

interface PanelProps {
  leadId: string;
  version: number;
  land: LandFieldsProps;
  holdAction: FormAction;
  extendAction: FormAction;
  releaseAction: FormAction;
}

export function LandPanel(p: PanelProps) {
  const { th } = useMessages();
  const held = p.land.parcels.filter((x) => x.own);
  const common = { leadId: p.leadId, version: p.version };
  return (
    <div className="space-y-4" data-testid="land-panel">
      {held.length === 0 ? (
        <p className="text-sm text-stone-600">{th("panel.none")}</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm">
          {held.map((x) => (
            <li key={x.id} className="space-y-2 py-2" data-testid="held-parcel" data-code={x.code}>
              <p>
                <span className="font-mono">{x.code}</span> · {th(`heldAs.${x.own!.heldAs}`)} · {th("panel.until", { date: x.own!.expiresOn })}
                {x.own!.expiringSoon && <span className="ml-1 font-semibold text-amber-800"> · {th("panel.soon")}</span>}
              </p>
              {x.wantedBy.length > 0 && (
                <p className="text-xs font-semibold text-red-700" data-testid="wanted-by">
                  {th("flag.wantedBy", { references: x.wantedBy.map((r) => r ?? th("flag.anotherLead")).join(", ") })}
                </p>
              )}
              <ActionForm {...common} action={p.extendAction} schema={extendHoldSchema} submit={th("panel.extend")} testId={`extend-${x.id}`} className="flex flex-wrap items-end gap-2">
                {(k) => (
                  <div>
                    <input type="hidden" name="holdId" value={x.own!.id} />
                    {k.label("expiresOn", th("panel.extendTo", { code: x.code }))}
                    <input {...k.field("expiresOn")} type="date" min={p.land.minExpiry} max={p.land.maxExpiry} defaultValue={k.value("expiresOn", x.own!.expiresOn)} className={input} />
                    {k.error("expiresOn")}
                  </div>
                )}
              </ActionForm>
              <ActionForm {...common} action={p.releaseAction} schema={releaseHoldSchema} submit={th("panel.release")} testId={`release-${x.id}`} className="flex items-center gap-2">
                {() => <input type="hidden" name="holdId" value={x.own!.id} />}
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {p.land.parcels.some((x) => !x.own) && (
        <div>
          <h3 className="text-sm font-semibold">{th("panel.holdMore")}</h3>
          <ActionForm {...common} action={p.holdAction} schema={holdParcelsSchema} submit={th("panel.holdSubmit")} testId="hold-form">
            {(k) => <LandMoveFields {...p.land} kind="panel" kit={k} />}
          </ActionForm>
        </div>
      )}
    </div>
  );
}
