// The lead's timeline (every event, newest first, who and when in China time) and the e-mails
// sent on it with their delivery state. Server-rendered: nothing here is interactive.
import { getFormatter, getTranslations } from "next-intl/server";
import type { LeadEmail, TimelineEntry } from "@/lib/leads/lead-page";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

export async function Timeline({ entries, total, emails }: { entries: TimelineEntry[]; total: number; emails: LeadEmail[] }) {
  const t = await getTranslations("staff.lead");
  const th = await getTranslations("staff.holds");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE });
  const stage = (s: string | null) => (s ? t(`stage.${s}`) : "—");
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const landParcels = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is { code: string; restored?: string | null } => typeof x === "object" && x !== null && typeof x.code === "string") : []);
  const codes = (v: unknown) => landParcels(v).map((x) => x.code).join(", ");
  const choice = (prefix: "heldAs" | "signAs", v: unknown) => (str(v) && th.has(`${prefix}.${str(v)}`) ? th(`${prefix}.${str(v)}`) : "—");
  const detail = (e: TimelineEntry): string | null => {
    const d = e.data ?? {};
    switch (e.type) {
      case "ASSIGNED":
        return t("timeline.assigned", { from: str(d.fromName) ?? t("header.unassigned"), to: str(d.toName) ?? "—" });
      case "STAGE_CHANGED":
      case "REOPENED":
      case "CREATED": {
        const move = e.type === "CREATED" ? stage(e.toStage) : t("timeline.stageChange", { from: stage(e.fromStage), to: stage(e.toStage) });
        const extra = [
          d.automatic ? t("timeline.automatic") : null,
          d.correction ? t("timeline.correction") : null,
          str(d.lostReason) && e.toStage === "LOST" ? t(`lostReason.${str(d.lostReason)}`) : null,
        ].filter(Boolean);
        return [move, ...extra].join(" ");
      }
      case "DUE_CHANGED":
        return t("timeline.due", { from: str(d.from) ?? t("header.none"), to: str(d.to) ?? t("header.none") });
      case "CALL_LOGGED":
      case "MEETING_LOGGED":
        return str(d.happenedAt) ? t("timeline.happenedAt", { at: when(new Date(str(d.happenedAt)!)) }) : null;
      case "REPLIED":
        return str(d.subject) ? t("timeline.subject", { subject: str(d.subject)! }) : null;
      case "MATCH_RERUN":
        return t("timeline.matches", { count: typeof d.count === "number" ? d.count : 0 });
      case "LAND_HELD":
        if (d.extended) return th("timeline.extended", { code: str(d.code) ?? "—", from: str(d.from) ?? "—", to: str(d.to) ?? "—" });
        return th(str(d.override) ? "timeline.heldOverride" : "timeline.held", { codes: codes(d.parcels), heldAs: choice("heldAs", d.heldAs), date: str(d.expiresOn) ?? "—", reason: str(d.override) ?? "" });
      case "LAND_SOLD":
        return th("timeline.sold", { codes: codes(d.parcels), signAs: choice("signAs", d.signAs) });
      case "LAND_RELEASED": {
        const why = str(d.reason) && th.has(`timeline.releasedWhy.${str(d.reason)}`) ? th(`timeline.releasedWhy.${str(d.reason)}`, { reference: str(d.byReference) ?? "—" }) : null;
        // Parcels changed by someone else since the hold were left as they were: said so.
        const left = d.reason !== "OVERRIDDEN" && landParcels(d.parcels).some((x) => x.restored === null) ? th("timeline.left") : null;
        return [th("timeline.released", { codes: codes(d.parcels) }), why, left].filter(Boolean).join(" · ");
      }
      case "ESCALATED":
        return typeof d.level === "number" ? t("timeline.escalated", { level: d.level }) : null;
      default:
        return null;
    }
  };
  const card = "rounded-lg border border-stone-200 bg-white p-4";
  return (
    <>
      <section aria-labelledby="timeline-title" className={card} data-testid="lead-timeline">
        <h2 id="timeline-title" className="font-semibold">{t("timeline.title")}</h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("timeline.empty")}</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {entries.map((e) => (
              <li key={e.id} className="border-l-2 border-brand-100 pl-3 text-sm" data-type={e.type}>
                <p>
                  <span className="font-medium">{t(`timeline.type.${e.type}`)}</span>
                  {detail(e) && <span className="text-stone-700"> · {detail(e)}</span>}
                </p>
                <p className="text-xs text-stone-500">
                  {e.who.kind === "staff" ? e.who.name : t(`timeline.who.${e.who.kind}`)} · <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
                </p>
                {e.note && <p className="mt-1 whitespace-pre-wrap">{e.note}</p>}
              </li>
            ))}
          </ol>
        )}
        {total > entries.length && <p className="mt-2 text-xs text-stone-500">{t("timeline.more", { shown: entries.length, total })}</p>}
      </section>
      <section aria-labelledby="emails-title" className={card} data-testid="lead-emails">
        <h2 id="emails-title" className="font-semibold">{t("emails.title")}</h2>
        {emails.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t("emails.empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100 text-sm">
            {emails.map((m) => (
              <li key={m.id} className="py-1.5">
                <p className="font-medium">{m.subject}</p>
                <p className="text-xs text-stone-600">
                  {t.has(`emails.kind.${m.kind}`) ? t(`emails.kind.${m.kind}`) : m.kind} · {m.to} · {when(m.createdAt)} ·{" "}
                  <span data-state={m.state} className={m.state === "failed" ? "font-semibold text-red-700" : undefined}>
                    {t(`emails.state.${m.state}`, { at: m.sentAt ? when(m.sentAt) : "", attempts: m.attempts })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
