// The one wrapper every server action goes through: context (session, request id, client
// address) -> permission -> safeParse -> handler -> error mapping, always returning a plain
// result object, never throwing to the UI.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { can, twoFactorBlocks, type Permission } from "../auth/permissions";
import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError, type ErrorCode } from "../errors";
import { fieldErrorsOf } from "../validation/field-errors";
import { resolveActionContext, type ActionContext } from "./context";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: Record<string, string>; current?: unknown; requestId?: string } };

/** A staff action's context: the permission check has passed, so there is an actor. */
export type StaffContext = ActionContext & { actor: Actor };

interface PublicConfig<S extends z.ZodType, T> {
  name: string;
  schema: S;
  access: "public";
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
}

interface StaffConfig<S extends z.ZodType, T> {
  name: string;
  schema: S;
  access: { permission: Permission };
  handler: (input: z.output<S>, ctx: StaffContext) => Promise<T>;
}

// Overloads, not one union parameter: TypeScript then infers the handler's input and context
// from `access` without annotations.
export function defineAction<S extends z.ZodType, T>(config: PublicConfig<S, T>): (input: unknown) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(config: StaffConfig<S, T>): (input: unknown) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(config: PublicConfig<S, T> | StaffConfig<S, T>): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    let requestId: string | undefined;
    try {
      const ctx = await resolveActionContext();
      requestId = ctx.requestId;
      // Permission before validation: a visitor without it learns nothing about the input's shape.
      if (config.access !== "public") {
        if (!ctx.actor) return { ok: false, error: { code: "unauthenticated", message: "signedOut" } };
        if (!can(ctx.actor.role, config.access.permission)) return { ok: false, error: { code: "forbidden", message: "forbidden" } };
        // An admin who has not set up two-factor yet may do nothing but set it up.
        if (twoFactorBlocks(ctx.actor, config.access.permission)) return { ok: false, error: { code: "forbidden", message: "twoFactorRequired" } };
      }
      const parsed = config.schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: "validation", message: "validation", fieldErrors: fieldErrorsOf(parsed.error) } };
      }
      const data = config.access === "public"
        ? await config.handler(parsed.data, ctx)
        : await config.handler(parsed.data, ctx as StaffContext);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        const current = error.current === undefined ? {} : { current: error.current };
        return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...current } };
      }
      // Not a bug: the database did not answer in time. Nothing was written (one transaction),
      // and the visitor is told it is brief and to try again, as the pages say with their 503.
      if (isDatabaseUnavailable(error)) return { ok: false, error: { code: "unavailable", message: "unavailable" } };
      requestId ??= crypto.randomUUID();
      console.error(`[${requestId}] action ${config.name} failed`, error);
      return { ok: false, error: { code: "internal", message: "internal", requestId } };
    }
  };
}
