import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { chinaDate } from "@/lib/calendar/china-time";
import { loadAssignableStaff, loadLeadLand } from "@/lib/leads/loaders";
import { addDays, defaultExpiry, MAX_HOLD_DAYS } from "@/lib/land/holds";
import type { LeadParcelLand } from "@/lib/land/hold-queries";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { loadLeadPage, type BlockNow, type MatchNow, type ParcelNow } from "@/lib/leads/lead-page";
import { allowedTargets } from "@/lib/leads/pipeline";
import { defaultReplySubject } from "@/lib/leads/reply-email";
import { addNoteForm, assignLeadForm, extendHoldForm, holdParcelsForm, logContactForm, moveStageForm, releaseHoldForm, replyToInvestorForm, rerunMatchForm, setNextActionForm } from "./actions";
import { LandPanel } from "./land-forms";
import { AssignForm, ContactForm, NextActionForm, NoteForm, ReplyForm, RerunForm, StageForm } from "./lead-forms";
import { Timeline } from "./timeline";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

const ID = /^[a-z0-9]{1,40}$/i;

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/leads/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const actor = await currentActor();
  const data = actor && ID.test(id) ? await loadLeadPage(actor, id) : null;
  const t = await getTranslations({ locale, namespace: "staff.lead" });
  return { title: data ? t("title", { reference: data.lead.reference }) : "—", robots: { index: false } };
}

export default async function LeadPage({ params }: PageProps<"/[locale]/staff/leads/[id]">) {
  const { locale, id } = await params;
  const actor = await requireStaffPage("lead.read", locale, `/${locale}/staff/leads/${encodeURIComponent(id)}`);
  setRequestLocale(locale);
  if (!ID.test(id)) notFound();
  const [data, staff, landNow] = await Promise.all([
    loadLeadPage(actor, id),
    can(actor.role, "lead.assign") ? loadAssignableStaff() : Promise.resolve([]),
    loadLeadLand(actor, id),
  ]);
  // Outside the officer's parks and assignments the lead does not exist (404, not 403).
  if (!data) notFound();
  const t = await getTranslations("staff.lead");
  const tp = await getTranslations("parcelStatus");
  const th = await getTranslations("staff.holds");
  const ti = await getTranslations("industry");
  const format = await getFormatter();
  const { lead } = data;
  const now = new Date();
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: CHINA_TIME_ZONE });
  const triage = can(actor.role, "lead.triage");
  const mayCorrectSigned = can(actor.role, "lead.readAll");
  const targets = allowedTargets(lead.stage, { lostFrom: data.lostFrom, mayCorrectSigned });
  const common = { leadId: lead.id, version: lead.version };
  const nowInChina = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  const overdue = <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t("header.overdue")}</span>;
  const notGiven = <span className="text-stone-500">{t("needs.notGiven")}</span>;
  const fact = (label: string, value: React.ReactNode) => (
    <div className="flex justify-between gap-4 border-t border-stone-100 py-1.5 text-sm">
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right">{value ?? notGiven}</dd>
    </div>
  );
  const num = (v: number | null, key: string) => (v === null ? null : t(key, { value: format.number(v) }));
  // Holds on the lead's parcels, by code: "held for lead X until ..." before anyone promises it.
  const land = landNow ?? [];
  const landByCode = new Map(land.map((l) => [l.code, l]));
  const holdFlag = (l: LeadParcelLand | undefined) => {
    if (!l) return null;
    const text = l.own
      ? th(l.own.expiringSoon ? "flag.ownNotice" : "flag.own", { heldAs: th(`heldAs.${l.own.heldAs}`), date: l.own.expiresOn })
      : l.other
        ? l.other.reference ? th("flag.other", { reference: l.other.reference, date: l.other.expiresOn }) : th("flag.otherHidden", { date: l.other.expiresOn })
        : null;
    const wanted = l.own && l.wantedBy.length > 0 ? th("flag.wantedBy", { references: l.wantedBy.map((r) => r ?? th("flag.anotherLead")).join(", ") }) : null;
    if (!text && !wanted) return null;
    return (
      <span className={`basis-full text-xs ${l.other || wanted ? "font-semibold text-red-700" : "text-brand-700"}`} data-testid="hold-flag">
        {[text, wanted].filter(Boolean).join(" · ")}
      </span>
    );
  };
  const mayHold = can(actor.role, "land.hold");
  const today = chinaDate(now);
  const landProps = mayHold && land.length > 0
    ? { parcels: land, defaultExpiry: defaultExpiry(now), minExpiry: addDays(today, 1), maxExpiry: addDays(today, MAX_HOLD_DAYS), mayOverride: can(actor.role, "parcel.override") }
    : null;
  const closed = lead.stage === "SIGNED" || lead.stage === "LOST";
  const markLabel = (p: ParcelNow) => {
    // Held for this very lead: not "no longer available" to it; the hold flag says until when.
    const ours = p.mark !== "available" && landByCode.get(p.code)?.own;
    return (
      <span className={p.mark === "available" || ours ? "text-brand-700" : "font-semibold text-red-700"} data-mark={ours ? "heldHere" : p.mark}>
        {p.status ? tp(p.status) : "—"}
        {p.mark !== "available" && !ours && ` · ${t(`land.${p.mark}`)}`}
      </span>
    );
  };
  const parcelRows = (parcels: ParcelNow[]) => (
    <ul className="mt-2 divide-y divide-stone-100 text-sm">
      {parcels.map((p) => (
        <li key={p.code} className="flex flex-wrap justify-between gap-2 py-1.5">
          <a href={`/${locale}/parcels/${encodeURIComponent(p.code)}`} className="font-mono text-brand-700 underline">{p.code}</a>
          <span className="text-stone-600">{p.areaM2 === null ? "" : formatArea(locale, p.areaM2)}</span>
          {markLabel(p)}
          {holdFlag(landByCode.get(p.code))}
        </li>
      ))}
    </ul>
  );
  const blockState = (b: BlockNow) =>
    b.state === "available" ? (
      <span className="text-brand-700">{t("matches.stillAvailable")}</span>
    ) : (
      <span className="font-semibold text-red-700">{b.state === "gone" ? t("matches.gone") : t("matches.partly", { available: b.available, total: b.total })}</span>
    );
  const matchList = (blocks: MatchNow[]) =>
    blocks.length === 0 ? (
      <p className="mt-2 text-sm text-stone-600">{t("matches.none")}</p>
    ) : (
      <ol className="mt-2 divide-y divide-stone-100 text-sm">
        {blocks.map((b) => (
          <li key={b.key} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
            <a href={`/${locale}/blocks/${encodeURIComponent(b.key)}?${b.query}`} className="font-mono text-brand-700 underline">{b.key}</a>
            <span>{formatArea(locale, b.areaM2)}</span>
            <span className="text-stone-600">{b.parks.map((p) => pick(locale, p.nameZh, p.nameEn)).join(" · ")}</span>
            {blockState(b)}
          </li>
        ))}
      </ol>
    );
  const card = "rounded-lg border border-stone-200 bg-white p-4";
  const who = (name: string | null) => name ?? t("timeline.who.system");

  // Long e-mails and company names (typed by investors) wrap instead of widening the page.
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 [overflow-wrap:anywhere]">
      <a href={`/${locale}/staff/leads`} className="text-sm text-brand-700 underline">{t("back")}</a>
      <header className={`${card} mt-3`} data-testid="lead-header">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-bold sm:text-2xl">
            <span className="font-mono">{lead.reference}</span> · {lead.company}
          </h1>
          <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-900" data-testid="lead-stage">{t(`stage.${lead.stage}`)}</span>
        </div>
        {lead.stage === "LOST" && lead.lostReason && (
          <p className="mt-1 text-sm text-stone-700">{t("header.lost", { reason: t(`lostReason.${lead.lostReason}`) })}{lead.lostNote && ` — ${lead.lostNote}`}</p>
        )}
        <dl className="mt-3 grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
          {fact(t("header.assignee"), lead.assignee?.name ?? t("header.unassigned"))}
          {fact(t("header.received"), dateTime(lead.createdAt))}
          {fact(t("header.promised"), lead.firstResponseDueAt ? <>{dateTime(lead.firstResponseDueAt)}{data.overdue.firstResponse && overdue}</> : t("header.none"))}
          {fact(t("header.firstContactDue"), lead.firstContactDueAt ? <>{dateTime(lead.firstContactDueAt)}{data.overdue.firstContact && overdue}</> : t("header.none"))}
          {fact(t("header.nextAction"), lead.nextActionDueAt ? <>{date(lead.nextActionDueAt)}{data.overdue.nextAction && overdue}</> : t("header.none"))}
          {fact(t("header.firstResponse"), lead.firstRespondedAt ? t("header.responded", { at: dateTime(lead.firstRespondedAt) }) : t("header.notResponded"))}
        </dl>
        {lead.escalationLevel > 0 && <p className="mt-2 text-sm font-semibold text-red-700">{t("header.escalated", { level: lead.escalationLevel })}</p>}
      </header>

      <div className="mt-4 grid gap-4 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-4">
          <section aria-labelledby="needs-title" className={card}>
            <h2 id="needs-title" className="font-semibold">{t("needs.title")}</h2>
            <dl className="mt-2 grid gap-x-6 sm:grid-cols-2">
              {fact(t("needs.contactName"), lead.contactName)}
              {fact(t("needs.email"), <a href={`mailto:${lead.email}`} className="underline">{lead.email}</a>)}
              {fact(t("needs.phone"), lead.phone)}
              {fact(t("needs.country"), lead.country)}
              {fact(t("needs.industry"), lead.industry ? ti(lead.industry) : null)}
              {fact(t("needs.investment"), lead.investmentCny === null ? null : format.number(Number(lead.investmentCny), { style: "currency", currency: "CNY", maximumFractionDigits: 0 }))}
              {fact(t("needs.landNeeded"), num(lead.landNeededMu, "needs.mu"))}
              {fact(t("needs.jobs"), lead.jobs === null ? null : format.number(lead.jobs))}
              {fact(t("needs.power"), num(lead.powerKva, "needs.kva"))}
              {fact(t("needs.water"), num(lead.waterTonsPerDay, "needs.tonsPerDay"))}
              {fact(t("needs.timeline"), lead.timeline && t.has(`needs.timelines.${lead.timeline}`) ? t(`needs.timelines.${lead.timeline}`) : lead.timeline)}
              {fact(t("needs.park"), lead.park ? pick(locale, lead.park.nameZh, lead.park.nameEn) : null)}
              {fact(t("needs.language"), t(`needs.languages.${lead.locale === "en" ? "en" : "zh"}`))}
            </dl>
            <h3 className="mt-3 text-sm font-medium text-stone-500">{t("needs.message")}</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm">{lead.message}</p>
          </section>

          <section aria-labelledby="land-title" className={card} data-testid="lead-land">
            <h2 id="land-title" className="font-semibold">{t("land.title")}</h2>
            {data.parcels.length === 0 && data.requestedBlocks.length === 0 && <p className="mt-2 text-sm text-stone-600">{t("land.none")}</p>}
            {data.requestedBlocks.map((b) => (
              <div key={b.key} className="mt-3">
                <h3 className="flex flex-wrap justify-between gap-2 text-sm font-medium">
                  <span>{t("land.block", { key: b.key })}</span>
                  {b.total > 0 && blockState(b)}
                </h3>
                {b.total === 0 ? <p className="mt-1 text-sm text-stone-600">{t("land.blockGoneAtSubmission")}</p> : parcelRows(b.parcels)}
              </div>
            ))}
            {data.parcels.length > 0 && parcelRows(data.parcels)}
          </section>

          <section aria-labelledby="matches-title" className={card} data-testid="lead-matches">
            <h2 id="matches-title" className="font-semibold">{t("matches.title")}</h2>
            {lead.landNeededMu === null ? (
              <p className="mt-2 text-sm text-stone-600">{t("matches.noNeed")}</p>
            ) : (
              <div className="grid gap-4 md:grid-cols-2">
                <div>
                  <h3 className="mt-2 text-sm font-medium">{t("matches.atSubmission", { at: dateTime(lead.createdAt) })}</h3>
                  {matchList(data.matchedAtSubmission)}
                </div>
                {data.latestRerun && (
                  <div>
                    <h3 className="mt-2 text-sm font-medium">{t("matches.latest", { at: dateTime(data.latestRerun.at), by: who(data.latestRerun.by) })}</h3>
                    {matchList(data.latestRerun.blocks)}
                  </div>
                )}
              </div>
            )}
          </section>

          <Timeline entries={data.timeline} total={data.timelineTotal} emails={data.emails} />
        </div>

        {triage && (
          <aside aria-labelledby="actions-title" className="space-y-3 lg:order-none">
            <h2 id="actions-title" className="sr-only">{t("forms.title")}</h2>
            <details open className={card}>
              <summary className="cursor-pointer font-semibold">{t("forms.reply.title")}</summary>
              <div className="mt-3">
                <ReplyForm
                  {...common}
                  action={replyToInvestorForm}
                  defaultSubject={defaultReplySubject(lead.locale, lead.reference)}
                  hint={t("forms.reply.hint", { language: t(`needs.languages.${lead.locale === "en" ? "en" : "zh"}`), email: lead.email })}
                />
              </div>
            </details>
            <details open className={card}>
              <summary className="cursor-pointer font-semibold">{t("forms.stage.title")}</summary>
              <div className="mt-3"><StageForm {...common} action={moveStageForm} targets={targets} correction={lead.stage === "SIGNED"} land={landProps} hasHolds={land.some((l) => l.own)} /></div>
            </details>
            {landProps && !closed && (
              <details open={land.some((l) => l.own)} className={card}>
                <summary className="cursor-pointer font-semibold">{th("panel.title")}</summary>
                <div className="mt-3">
                  <LandPanel {...common} land={landProps} holdAction={holdParcelsForm} extendAction={extendHoldForm} releaseAction={releaseHoldForm} />
                </div>
              </details>
            )}
            <details open className={card}>
              <summary className="cursor-pointer font-semibold">{t("forms.note.title")}</summary>
              <div className="mt-3"><NoteForm {...common} action={addNoteForm} /></div>
            </details>
            <details className={card}>
              <summary className="cursor-pointer font-semibold">{t("forms.contact.title")}</summary>
              <div className="mt-3"><ContactForm {...common} action={logContactForm} now={nowInChina} /></div>
            </details>
            <details className={card}>
              <summary className="cursor-pointer font-semibold">{t("forms.nextAction.title")}</summary>
              <div className="mt-3">
                <NextActionForm {...common} action={setNextActionForm} clearAction={setNextActionForm} current={lead.nextActionDueAt ? chinaDate(lead.nextActionDueAt) : null} today={chinaDate(now)} />
              </div>
            </details>
            {staff.length > 0 && (
              <details className={card}>
                <summary className="cursor-pointer font-semibold">{t("forms.assign.title")}</summary>
                <div className="mt-3"><AssignForm {...common} action={assignLeadForm} staff={staff} current={lead.assignee?.id ?? null} /></div>
              </details>
            )}
            {lead.landNeededMu !== null && (
              <details className={card}>
                <summary className="cursor-pointer font-semibold">{t("forms.rerun.title")}</summary>
                <div className="mt-3"><RerunForm {...common} action={rerunMatchForm} /></div>
              </details>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
