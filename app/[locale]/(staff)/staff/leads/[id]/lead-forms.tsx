"use client";

// The lead page's action forms. Each is a plain <form> with a server action (works without
// JavaScript), checked in the browser with the same schema as on the server, and never loses
// what was typed: a refused save comes back with the typed values as the fields' defaults.
// After a save the page is refreshed, so every form holds the lead's new version.
import "@/lib/zod-csp";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { z } from "zod";
import type { InquiryStage } from "@/lib/generated/prisma/enums";
import {
  addNoteSchema,
  assignLeadSchema,
  CONTACT_KINDS,
  logContactSchema,
  moveStageSchema,
  replyToInvestorSchema,
  rerunMatchSchema,
  setNextActionSchema,
} from "@/lib/leads/lead-schemas";
import { LOST_REASONS } from "@/lib/leads/pipeline";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import type { LeadFormState } from "./actions";
import { LandMoveFields, LandProblems, type LandFieldsProps } from "./land-fields";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

type FormAction = (prev: LeadFormState, form: FormData) => Promise<LeadFormState>;

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
const button = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

export interface Kit {
  /** the value typed before a refused save (the field's default), else `fallback` */
  value: (name: string, fallback?: string) => string | undefined;
  field: (name: string) => { name: string; id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };
  error: (name: string) => ReactNode;
  label: (name: string, text: string) => ReactNode;
  /** a checkbox's state before a refused save (absent from the sent values: unticked), else `fallback` */
  checked: (name: string, fallback: boolean) => boolean;
  /**
   * Changes with every answer of the action: React resets a form after its action, and a
   * select (unlike a text field) does not take a new defaultValue once mounted, so selects
   * are keyed on this to show what was chosen before a refused save.
   */
  round: number;
}

export function useMessages() {
  const t = useTranslations("staff.lead");
  const th = useTranslations("staff.holds");
  const tv = useTranslations("validation");
  const stage = (s: string) => (t.has(`stage.${s}`) ? t(`stage.${s}`) : s);
  const fieldMessage = (message: string) => {
    if (message.startsWith("stageMove:")) {
      const [, reason, from, to] = message.split(":");
      return t(`errors.move.${reason}`, { from: stage(from ?? ""), to: stage(to ?? "") });
    }
    if (t.has(`errors.${message}`)) return t(`errors.${message}`);
    // The land rules' messages (lib/land/holds.ts, hold-writes.ts) live with the holds' strings.
    return th.has(`errors.${message}`) ? th(`errors.${message}`) : translateFieldMessage(tv, message);
  };
  return { t, th, stage, fieldMessage };
}

function ConflictNotice({ state }: { state: Extract<NonNullable<LeadFormState>, { ok: false }> }) {
  const { t, stage } = useMessages();
  const format = useFormatter();
  const c = state.current;
  const who = (w: NonNullable<NonNullable<typeof c>["last"]>["who"]) => (w.kind === "staff" ? w.name : t(`timeline.who.${w.kind}`));
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="lead-conflict">
      {/* The parcels changed, not the lead: say which, with what they are now. */}
      {c?.parcels ? <LandProblems parcels={c.parcels} title="parcelsChanged" /> : <p>{t("errors.conflict")}</p>}
      {c?.stage && !c.parcels && (
        <p className="mt-1">
          {t("errors.conflictCurrent", {
            stage: stage(c.stage ?? ""),
            assignee: c.assignee ?? t("header.unassigned"),
            nextAction: c.nextActionDueAt ? format.dateTime(new Date(c.nextActionDueAt), { dateStyle: "medium", timeZone: CHINA_TIME_ZONE }) : t("header.none"),
            last: c.last ? `${t(`timeline.type.${c.last.type}`)} · ${who(c.last.who)} · ${format.dateTime(new Date(c.last.at), { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE })}` : "—",
          })}
        </p>
      )}
      <button type="button" className="mt-2 underline" onClick={() => window.location.reload()}>{t("errors.reload")}</button>
    </div>
  );
}

interface ActionFormProps {
  action: FormAction;
  schema: z.ZodType;
  leadId: string;
  version: number;
  submit: string;
  testId: string;
  /** empty the form after a save (text that was sent); dates and choices stay as saved */
  children: (kit: Kit) => ReactNode;
  className?: string;
}

export function ActionForm({ action, schema, leadId, version, submit, testId, children, className }: ActionFormProps) {
  const { t, th, fieldMessage } = useMessages();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<LeadFormState, FormData>(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // React's "state from the previous render" pattern: count the action's answers.
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setRound(round + 1);
  }
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  const errors: Record<string, string> = { ...(failed?.error.fieldErrors ?? {}), ...clientErrors };
  const values = failed?.values ?? {};
  // After a conflict the form holds the version the officer has now seen, so sending again
  // (deliberately, with the current values in view) is not refused a second time.
  const shownVersion = Math.max(version, failed?.current?.version ?? 0);
  const formError = (() => {
    // The hidden fields (which lead, which version) only fail when the page is stale or was
    // tampered with: nothing on screen is marked, so say so for the whole form.
    const hidden = clientErrors.leadId ?? clientErrors.version ?? failed?.error.fieldErrors?.leadId ?? failed?.error.fieldErrors?.version;
    if (hidden) return t("errors.staleForm");
    if (!failed || failed.error.code === "conflict") return null;
    const { code, message } = failed.error;
    if (code === "validation") return message.startsWith("stageMove:") || t.has(`errors.${message}`) || th.has(`errors.${message}`) ? fieldMessage(message) : t("errors.validation");
    const key = { unauthenticated: "signedOut", forbidden: "forbidden", not_found: "notFound", unavailable: "unavailable", rate_limited: "unavailable", internal: "internal" }[code];
    return t(`errors.${key}`, { requestId: failed.error.requestId ?? "" });
  })();
  const kit: Kit = {
    value: (name, fallback) => (name in values ? values[name] : fallback),
    field: (name) => ({
      name,
      id: `${testId}-${name}`,
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": errors[name] ? `${testId}-${name}-error` : undefined,
    }),
    error: (name) =>
      errors[name] ? (
        <p id={`${testId}-${name}-error`} className="mt-1 text-xs text-red-700">{fieldMessage(errors[name]!)}</p>
      ) : null,
    label: (name, text) => <label htmlFor={`${testId}-${name}`} className="block text-sm font-medium">{text}</label>,
    checked: (name, fallback) => (failed?.values ? name in failed.values : fallback),
    round,
  };
  return (
    <form
      action={formAction}
      noValidate
      data-testid={testId}
      className={className ?? "space-y-3"}
      onSubmit={(event) => {
        const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget).entries()));
        const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
        setClientErrors(found);
        if (!parsed.success) {
          event.preventDefault();
          const form = event.currentTarget;
          setTimeout(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
        }
      }}
    >
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="version" value={shownVersion} />
      {failed?.error.code === "conflict" && <ConflictNotice state={failed} />}
      {formError && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">{formError}</p>}
      {failed && failed.error.code !== "conflict" && failed.current?.parcels && <LandProblems parcels={failed.current.parcels} />}
      {children(kit)}
      <div className="flex items-center gap-3">
        <button type="submit" className={button} disabled={pending}>{pending ? t("forms.saving") : submit}</button>
        {state?.ok && <span role="status" className="text-sm text-brand-700">{t("forms.saved")}</span>}
      </div>
    </form>
  );
}

interface Common {
  action: FormAction;
  leadId: string;
  version: number;
}

export function NoteForm(p: Common) {
  const { t } = useMessages();
  return (
    <ActionForm {...p} schema={addNoteSchema} submit={t("forms.note.submit")} testId="note-form">
      {(k) => (
        <div>{k.label("note", t("forms.note.label"))}<textarea {...k.field("note")} rows={3} defaultValue={k.value("note")} className={input} />{k.error("note")}</div>
      )}
    </ActionForm>
  );
}

export function NextActionForm(p: Common & { clearAction: FormAction; current: string | null; today: string }) {
  const { t } = useMessages();
  return (
    <div className="space-y-2">
      <ActionForm action={p.action} leadId={p.leadId} version={p.version} schema={setNextActionSchema} submit={t("forms.nextAction.submit")} testId="next-action-form">
        {(k) => (
          <div>
            {k.label("nextActionOn", t("forms.nextAction.label"))}
            <input {...k.field("nextActionOn")} type="date" min={p.today} defaultValue={k.value("nextActionOn", p.current ?? "")} className={input} />
            {k.error("nextActionOn")}
          </div>
        )}
      </ActionForm>
      {p.current && (
        <ActionForm action={p.clearAction} leadId={p.leadId} version={p.version} schema={setNextActionSchema} submit={t("forms.nextAction.clear")} testId="clear-next-action-form">
          {() => <input type="hidden" name="nextActionOn" value="" />}
        </ActionForm>
      )}
    </div>
  );
}

export function AssignForm(p: Common & { staff: { id: string; name: string; role: string }[]; current: string | null }) {
  const { t } = useMessages();
  return (
    <ActionForm {...p} schema={assignLeadSchema} submit={t("forms.assign.submit")} testId="assign-form">
      {(k) => (
        <div>
          {k.label("assigneeId", t("forms.assign.label"))}
          <select key={k.round} {...k.field("assigneeId")} defaultValue={k.value("assigneeId", p.current ?? "")} className={input}>
            <option value="">{t("forms.assign.choose")}</option>
            {p.staff.map((s) => (
              <option key={s.id} value={s.id}>{s.name} ({t(s.role === "ADMIN" ? "forms.assign.admin" : "forms.assign.officer")})</option>
            ))}
          </select>
          {k.error("assigneeId")}
        </div>
      )}
    </ActionForm>
  );
}

export function StageForm(p: Common & { targets: InquiryStage[]; correction: boolean; land: LandFieldsProps | null; hasHolds: boolean }) {
  const { t, th, stage } = useMessages();
  const [to, setTo] = useState<string>("");
  // After a save the page comes back with the lead's new version and an empty select: the
  // land (or lost) fields of the stage just left go with it.
  const [shownFor, setShownFor] = useState(p.version);
  if (shownFor !== p.version) {
    setShownFor(p.version);
    setTo("");
  }
  if (p.targets.length === 0) return <p className="text-sm text-stone-600">{t("forms.stage.none")}</p>;
  return (
    <ActionForm {...p} schema={moveStageSchema} submit={t("forms.stage.submit")} testId="stage-form">
      {(k) => {
        const chosen = to || k.value("toStage", "") || "";
        return (
          <>
            <div>
              {k.label("toStage", t("forms.stage.label"))}
              <select key={k.round} {...k.field("toStage")} defaultValue={k.value("toStage", "")} onChange={(e) => setTo(e.target.value)} className={input}>
                <option value="">{t("forms.assign.choose")}</option>
                {p.targets.map((s) => (
                  <option key={s} value={s}>{stage(s)}{p.correction ? ` ${t("forms.stage.correction")}` : ""}</option>
                ))}
              </select>
              {k.error("toStage")}
            </div>
            {chosen === "LOST" && (
              <>
                <div>
                  {k.label("lostReason", t("forms.stage.reason"))}
                  <select key={k.round} {...k.field("lostReason")} defaultValue={k.value("lostReason", "")} className={input}>
                    <option value="">{t("forms.assign.choose")}</option>
                    {LOST_REASONS.map((r) => (
                      <option key={r} value={r}>{t(`lostReason.${r}`)}</option>
                    ))}
                  </select>
                  {k.error("lostReason")}
                </div>
                <div>{k.label("lostNote", t("forms.stage.note"))}<input {...k.field("lostNote")} defaultValue={k.value("lostNote")} className={input} />{k.error("lostNote")}</div>
                {p.hasHolds && <p className="text-xs text-stone-600">{th("stage.lostHint")}</p>}
              </>
            )}
            {/* The land moves with the lead: a correction of a signing (admins) leaves it alone. */}
            {p.land && !p.correction && (chosen === "NEGOTIATING" || chosen === "SIGNED") && (
              <LandMoveFields {...p.land} kind={chosen === "NEGOTIATING" ? "hold" : "sign"} kit={k} />
            )}
          </>
        );
      }}
    </ActionForm>
  );
}

export function ReplyForm(p: Common & { defaultSubject: string; hint: string }) {
  const { t } = useMessages();
  return (
    <ActionForm {...p} schema={replyToInvestorSchema} submit={t("forms.reply.submit")} testId="reply-form">
      {(k) => (
        <>
          <p className="text-xs text-stone-600">{p.hint}</p>
          <div>{k.label("subject", t("forms.reply.subject"))}<input {...k.field("subject")} defaultValue={k.value("subject", p.defaultSubject)} className={input} />{k.error("subject")}</div>
          <div>{k.label("body", t("forms.reply.body"))}<textarea {...k.field("body")} rows={8} defaultValue={k.value("body")} className={input} />{k.error("body")}</div>
        </>
      )}
    </ActionForm>
  );
}

export function ContactForm(p: Common & { now: string }) {
  const { t } = useMessages();
  return (
    <ActionForm {...p} schema={logContactSchema} submit={t("forms.contact.submit")} testId="contact-form">
      {(k) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              {k.label("kind", t("forms.contact.kind"))}
              <select key={k.round} {...k.field("kind")} defaultValue={k.value("kind", "CALL")} className={input}>
                {CONTACT_KINDS.map((c) => (
                  <option key={c} value={c}>{t(`forms.contact.${c}`)}</option>
                ))}
              </select>
            </div>
            <div>{k.label("happenedAt", t("forms.contact.happenedAt"))}<input {...k.field("happenedAt")} type="datetime-local" max={p.now} defaultValue={k.value("happenedAt", p.now)} className={input} />{k.error("happenedAt")}</div>
          </div>
          <div>{k.label("note", t("forms.contact.note"))}<textarea {...k.field("note")} rows={3} defaultValue={k.value("note")} className={input} />{k.error("note")}</div>
        </>
      )}
    </ActionForm>
  );
}

export function RerunForm(p: Common) {
  const { t } = useMessages();
  return (
    <ActionForm {...p} schema={rerunMatchSchema} submit={t("forms.rerun.submit")} testId="rerun-form">
      {() => <p className="text-xs text-stone-600">{t("forms.rerun.hint")}</p>}
    </ActionForm>
  );
}
