// Admins' edits of the working-day calendar. Each change is one transaction with its AuditLog
// row. An edit or a delete names the version of the day the admin saw (its updatedAt): a day
// changed by someone else meanwhile is a conflict, not a silent overwrite. Every instance sees
// the change on its next deadline (lib/calendar/queries.ts checks the table's stamp).
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError, conflict, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { CalendarDayKind } from "../generated/prisma/enums";
import type { CalendarDayCreate, CalendarDayDelete, CalendarDayUpdate } from "./schemas";

export interface CalendarChangeContext {
  actor: Pick<Actor, "id">;
  requestId: string;
}

export interface SavedCalendarDay {
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  updatedAt: Date;
}

const SELECT = { date: true, kind: true, nameZh: true, nameEn: true, updatedAt: true } as const;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dto = (r: { date: Date; kind: CalendarDayKind; nameZh: string; nameEn: string; updatedAt: Date }): SavedCalendarDay => ({
  ...r,
  date: r.date.toISOString().slice(0, 10),
});
/** What the audit row keeps of a day (JSON: dates as strings). */
const audited = (d: SavedCalendarDay) => ({ date: d.date, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn });

const audit = (tx: Prisma.TransactionClient, ctx: CalendarChangeContext, action: string, date: string, before: SavedCalendarDay | null, after: SavedCalendarDay | null) =>
  tx.auditLog.create({
    data: {
      actorId: ctx.actor.id,
      action,
      entity: "CalendarDay",
      entityId: date,
      before: before ? audited(before) : Prisma.DbNull,
      after: after ? audited(after) : Prisma.DbNull,
      requestId: ctx.requestId,
    },
  });

const changedMeanwhile = () => conflict("changedMeanwhile");

export async function addCalendarDay(db: Db, input: CalendarDayCreate, ctx: CalendarChangeContext): Promise<SavedCalendarDay> {
  try {
    return await db.$transaction(async (tx) => {
      const row = dto(await tx.calendarDay.create({ data: { date: asDate(input.date), kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn }, select: SELECT }));
      await audit(tx, ctx, "calendar.add", row.date, null, row);
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "exists", { date: "exists" });
    }
    throw error;
  }
}

export async function updateCalendarDay(db: Db, input: CalendarDayUpdate, ctx: CalendarChangeContext): Promise<SavedCalendarDay> {
  return db.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: asDate(input.date) }, select: SELECT });
    if (!before) throw notFound("dayGone");
    const { count } = await tx.calendarDay.updateMany({
      where: { date: asDate(input.date), updatedAt: input.seenAt },
      data: { kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn },
    });
    if (count === 0) throw changedMeanwhile();
    const after = dto(await tx.calendarDay.findUniqueOrThrow({ where: { date: asDate(input.date) }, select: SELECT }));
    await audit(tx, ctx, "calendar.update", after.date, dto(before), after);
    return after;
  });
}

export async function deleteCalendarDay(db: Db, input: CalendarDayDelete, ctx: CalendarChangeContext): Promise<{ date: string }> {
  return db.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: asDate(input.date) }, select: SELECT });
    if (!before) throw notFound("dayGone");
    const { count } = await tx.calendarDay.deleteMany({ where: { date: asDate(input.date), updatedAt: input.seenAt } });
    if (count === 0) throw changedMeanwhile();
    await audit(tx, ctx, "calendar.delete", input.date, dto(before), null);
    return { date: input.date };
  });
}
