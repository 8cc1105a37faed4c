// Making staff accounts outside the app: the first admin of a deployment
// (scripts/staff-create-admin.ts) and the local development accounts (seeds/dev-staff.ts).
import type { Db } from "../db/client";
import { normalizeEmail } from "./email";
import { hashPassword, newPasswordSchemaFor } from "./password";
import { encryptTotpSecret } from "./totp";
import { z } from "zod";

export class StaffAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffAccountError";
  }
}

const emailSchema = z.email();

/** Creates an admin with this password (checked against the policy). Refuses an e-mail already in use. */
export async function createAdmin(db: Db, input: { email: string; name: string; password: string; locale?: string }): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  if (!emailSchema.safeParse(email).success) throw new StaffAccountError(`"${input.email}" is not an e-mail address.`);
  const name = input.name.normalize("NFKC").trim();
  if (!name || name.length > 100) throw new StaffAccountError("--name is required (at most 100 characters).");
  const policy = newPasswordSchemaFor(email).safeParse(input.password);
  if (!policy.success) throw new StaffAccountError(`The password is refused: ${PASSWORD_ISSUE_TEXT[policy.error.issues[0]!.message] ?? policy.error.issues[0]!.message}`);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new StaffAccountError(`An account with the e-mail ${email} exists already.`);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name, role: "ADMIN", passwordHash, locale: input.locale ?? "zh" }, select: { id: true, email: true } });
    await tx.auditLog.create({ data: { action: "user.created", entity: "User", entityId: user.id, after: { email, role: "ADMIN", via: "staff:create-admin" } } });
    return user;
  });
}

const PASSWORD_ISSUE_TEXT: Record<string, string> = {
  "password.tooShort": "it needs at least 12 characters.",
  "password.tooLong": "it may have at most 128 characters.",
  "password.common": "it is a common password (or a common word with digits or symbols).",
  "password.containsName": "without the e-mail's name or the portal's name too little of it is left.",
  "password.pattern": "it is repeated or consecutive characters.",
};

// ---- Local development accounts ------------------------------------------------------------

/** Fixed credentials of a local start (README): never created on a production database. */
export const DEV_STAFF_PASSWORD = "desk-local-only-2026";
/** The admin's authenticator key (base32), so a developer can add it to an app or compute a code. */
export const DEV_ADMIN_TOTP_SECRET = "JMDEVADMINTOTPSECRETLOCALONLY234";

export const DEV_STAFF = [
  { email: "admin@jiangmen.example", name: "管理员 Admin", role: "ADMIN" as const, parkCodes: [] as string[], totp: true },
  { email: "officer.xinhui@jiangmen.example", name: "陈静 Chen Jing", role: "OFFICER" as const, parkCodes: ["xinhui-smart-manufacturing", "xinhui-new-energy-battery", "xinhui-silicon-energy"], totp: false },
  { email: "officer.eu@jiangmen.example", name: "李明 Li Ming", role: "OFFICER" as const, parkCodes: ["china-eu-cooperation-zone", "jiangmen-safety-emergency", "taishan-industrial-new-city"], totp: false },
];

/**
 * Creates the development accounts that are missing (an account that exists is left as its
 * owner changed it). Returns the e-mails created. `sessionSecret`: the NEXTAUTH_SECRET the
 * portal will run with (the admin's TOTP key is encrypted with a key derived from it).
 */
export async function ensureDevStaff(db: Db, options: { sessionSecret?: string } = {}): Promise<string[]> {
  const existing = new Set((await db.user.findMany({ where: { email: { in: DEV_STAFF.map((s) => s.email) } }, select: { email: true } })).map((u) => u.email));
  const missing = DEV_STAFF.filter((s) => !existing.has(s.email));
  if (!missing.length) return [];
  const passwordHash = await hashPassword(DEV_STAFF_PASSWORD);
  const parks = await db.park.findMany({ where: { code: { in: missing.flatMap((s) => s.parkCodes) } }, select: { id: true, code: true } });
  const parkId = new Map(parks.map((p) => [p.code, p.id]));
  for (const s of missing) {
    const user = await db.user.create({
      data: {
        email: s.email,
        name: s.name,
        role: s.role,
        passwordHash,
        parks: { create: s.parkCodes.flatMap((c) => (parkId.has(c) ? [{ parkId: parkId.get(c)! }] : [])) },
      },
      select: { id: true },
    });
    if (s.totp) {
      await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptTotpSecret(DEV_ADMIN_TOTP_SECRET, user.id, options.sessionSecret), totpEnabledAt: new Date() } });
    }
  }
  return missing.map((s) => s.email);
}
