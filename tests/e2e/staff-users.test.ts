// The staff management page over HTTP on the running portal: the guard in front of it and the
// page itself as an admin and an officer see it (real session rows and a real cookie).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readLocalSecrets, localSecretsFile } from "../../lib/db/local-secrets";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { createStaff, type TestStaff } from "../integration/helpers/staff";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

const cookieHeader = (s: TestStaff) => Object.entries(s.cookies).map(([k, v]) => `${k}=${v}`).join("; ");

describe.skipIf(!baseUrl)("staff management page", () => {
  let db: Db;
  let admin: TestStaff;
  let officer: TestStaff;
  beforeAll(async () => {
    // The portal signs cookies with the secret its start made (beside the embedded database).
    process.env.NEXTAUTH_SECRET = readLocalSecrets(localSecretsFile(".data/e2e/postgres")).NEXTAUTH_SECRET;
    db = createPrismaClient(databaseUrl, 2);
    admin = await createStaff(db, { role: "ADMIN", name: "管理员甲", email: "admin.e2e@jmtz.gov.cn" });
    officer = await createStaff(db, { role: "OFFICER", name: "官员乙", email: "officer.e2e@jmtz.gov.cn", parkCodes: ["xinhui-smart-manufacturing"] });
  });
  afterAll(async () => {
    await db?.user.deleteMany({ where: { email: { in: ["admin.e2e@jmtz.gov.cn", "officer.e2e@jmtz.gov.cn"] } } });
    await db?.$disconnect();
  });

  it("sends a signed-out visitor to sign in, coming back here", async () => {
    const res = await fetch(`${baseUrl}/zh/staff/users`, { redirect: "manual" });
    expect([303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toContain(`/zh/staff/sign-in?callbackUrl=${encodeURIComponent("/zh/staff/users")}`);
  });

  it("is a 403 for an officer", async () => {
    const res = await fetch(`${baseUrl}/zh/staff/users`, { headers: { cookie: cookieHeader(officer) }, redirect: "manual" });
    expect(res.status).toBe(403);
  });

  it("lists staff for an admin, in Chinese and English", async () => {
    const zh = await fetch(`${baseUrl}/zh/staff/users`, { headers: { cookie: cookieHeader(admin) } });
    expect(zh.status).toBe(200);
    const html = await zh.text();
    expect(html).toContain("<h1");
    expect(html).toContain("员工账号");
    expect(html).toContain("officer.e2e@jmtz.gov.cn");
    expect(html).toContain("新会智能制造产业园".slice(0, 2));
    expect(html).toContain("从未登录");
    const en = await (await fetch(`${baseUrl}/en/staff/users`, { headers: { cookie: cookieHeader(admin) } })).text();
    expect(en).toContain("Staff accounts");
    expect(en).toContain("Two-factor off");
  });
});
