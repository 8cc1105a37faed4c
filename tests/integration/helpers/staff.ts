// Staff for the integration tier: real User and StaffSession rows and a real session cookie,
// so actions and route handlers run their own session check (tests/setup/request-scope.ts).
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { startStaffSession } from "@/lib/auth/session";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { inRequest } from "../../setup/request-scope";

export interface TestStaff {
  id: string;
  email: string;
  role: Role;
  cookies: Record<string, string>;
}

let counter = 0;

/** A staff member with a live session. `passwordHash` is not a usable hash: nobody signs in with it. */
export async function createStaff(
  db: Db,
  options: { role: Role; name?: string; email?: string; parkCodes?: string[]; disabled?: boolean; now?: Date; twoFactor?: boolean } ,
): Promise<TestStaff> {
  counter += 1;
  const email = options.email ?? `${options.role.toLowerCase()}${counter}-${Date.now()}@staff.example.cn`;
  const parks = options.parkCodes?.length
    ? await db.park.findMany({ where: { code: { in: options.parkCodes } }, select: { id: true } })
    : [];
  const user = await db.user.create({
    data: {
      email,
      name: options.name ?? `${options.role} ${counter}`,
      role: options.role,
      passwordHash: "not-a-hash",
      disabled: options.disabled ?? false,
      // Admins must have two-factor set up to act (lib/auth/permissions.ts twoFactorBlocks): a test
      // admin has, unless `twoFactor: false` asks for one still owing it.
      totpEnabledAt: (options.twoFactor ?? options.role === "ADMIN") ? (options.now ?? new Date()) : null,
      parks: { create: parks.map((p) => ({ parkId: p.id })) },
    },
    select: { id: true, tokenVersion: true },
  });
  return { id: user.id, email, role: options.role, cookies: await sessionCookieFor(db, user.id, user.tokenVersion, options.now) };
}

export async function sessionCookieFor(db: Db, userId: string, tokenVersion: number, now?: Date): Promise<Record<string, string>> {
  const sid = await startStaffSession(db, userId, now);
  return { [sessionCookieName()]: await encodeSessionToken({ sub: userId, sid, tv: tokenVersion }) };
}

/** Runs `fn` as a request of this staff member (or anonymously for null). */
export function as<T>(staff: TestStaff | null, fn: () => Promise<T>, address = "192.0.2.10"): Promise<T> {
  return inRequest({ cookies: staff?.cookies, address }, fn);
}
