// The admins' park, zone and project actions, called as exported (lib/parks/park-actions.ts,
// lib/projects/project-actions.ts) in real staff requests: who may call them, the exact audit
// row of each edit, the version check under ten parallel saves, and the refusals that keep
// records consistent (parent loops, land uses in use, parcels of another park).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { createParkAction, createZoneAction, updateParkAction, updateZoneAction } from "@/lib/parks/park-actions";
import { createProjectAction, updateProjectAction } from "@/lib/projects/project-actions";
import { updateParkForm, updateZoneForm } from "@/app/[locale]/(staff)/staff/parks/actions";
import { testDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
let admin: TestStaff;
let officer: TestStaff;
let park: { id: string; version: number };
let zone: { id: string; version: number };

const square = (x: number, y: number) => ({ type: "Polygon", coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] });

async function parcel(code: string, parkId: string, zoneId: string | null, status: "AVAILABLE" | "SOLD" | "LEASED", x = 113) {
  return db.parcel.create({
    data: { code, parkId, zoneId, geometry: square(x, 22.5), areaM2: 11_000, minLng: x, minLat: 22.5, maxLng: x + 0.001, maxLat: 22.501, centroidLng: x + 0.0005, centroidLat: 22.5005, landUse: "INDUSTRIAL_M1", status, lastVerifiedOn: new Date("2026-11-01T00:00:00Z") },
  });
}

const PARK_FORM = {
  nameZh: "测试园区",
  nameEn: "Test Park",
  shortNameZh: "",
  shortNameEn: "",
  county: "XINHUI",
  clusterGroup: "",
  level: "INDUSTRIAL_PARK",
  parentCode: "",
  industries: ["NEW_MATERIALS"],
  plannedAreaKm2: "12.5",
  descriptionZh: "示意",
  descriptionEn: "Illustrative",
  infrastructureZh: "",
  infrastructureEn: "",
  contactNameZh: "",
  contactNameEn: "",
  contactPhone: "",
  contactEmail: "",
  addressZh: "",
  addressEn: "",
  centerLng: "113.05",
  centerLat: "22.45",
};

const PROJECT_FORM = {
  nameZh: "测试项目",
  nameEn: "Test project",
  companyZh: "测试公司",
  companyEn: "Test Co.",
  industry: "NEW_MATERIALS",
  investmentCny: "1,200,000,000",
  capacityZh: "",
  capacityEn: "",
  floorAreaM2: "",
  landAreaHa: "2.2",
  stage: "SIGNED",
  originCity: "Shenzhen",
  parkCode: "test-park",
  parcelCodes: "TP-001, TP-002",
  signedOn: "2026-03-01",
  groundbreakingOn: "",
  trialProductionOn: "",
  productionOn: "",
  descriptionZh: "示意项目",
  descriptionEn: "An illustrative project",
};

const audits = () => db.auditLog.findMany({ orderBy: { id: "asc" }, select: { actorId: true, action: true, entity: true, entityId: true, before: true, after: true, requestId: true } });

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog", "Park", "Zone", "Parcel", "EnterpriseProject" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

async function setUp() {
  admin = await createStaff(db, { role: "ADMIN" });
  officer = await createStaff(db, { role: "OFFICER" });
  const created = await as(admin, () => createParkAction({ code: "test-park", ...PARK_FORM }));
  if (!created.ok) throw new Error(JSON.stringify(created));
  park = created.data;
  const z = await as(admin, () => createZoneAction({ parkId: park.id, code: "test-park-a", nameZh: "甲区", nameEn: "Zone A", industries: "NEW_MATERIALS", allowedLandUses: ["INDUSTRIAL_M1", "INDUSTRIAL_M2"], descriptionZh: "", descriptionEn: "" }));
  if (!z.ok) throw new Error(JSON.stringify(z));
  zone = z.data;
  await parcel("TP-001", park.id, zone.id, "SOLD", 113);
  await parcel("TP-002", park.id, zone.id, "LEASED", 113.001);
  await parcel("TP-003", park.id, zone.id, "AVAILABLE", 113.002);
  await db.auditLog.deleteMany();
}

describe("who may call the admin record actions", () => {
  it("anonymous is unauthenticated and an officer forbidden for every action; nothing is written", async () => {
    await setUp();
    const project = await as(admin, () => createProjectAction({ code: "test-project", ...PROJECT_FORM }));
    expect(project.ok).toBe(true);
    await db.auditLog.deleteMany();
    const projectId = project.ok ? project.data.id : "";
    const calls: [string, (i: unknown) => Promise<unknown>, unknown][] = [
      ["createPark", createParkAction, { code: "other-park", ...PARK_FORM }],
      ["updatePark", updateParkAction, { parkId: park.id, version: "1", ...PARK_FORM, nameEn: "Changed" }],
      ["createZone", createZoneAction, { parkId: park.id, code: "test-park-b", nameZh: "乙", nameEn: "B", allowedLandUses: "INDUSTRIAL_M1" }],
      ["updateZone", updateZoneAction, { zoneId: zone.id, version: "1", nameZh: "乙", nameEn: "B", allowedLandUses: "INDUSTRIAL_M1" }],
      ["createProject", createProjectAction, { code: "other-project", ...PROJECT_FORM, parcelCodes: "" }],
      ["updateProject", updateProjectAction, { projectId, version: "1", ...PROJECT_FORM, nameEn: "Changed" }],
    ];
    for (const [name, call, input] of calls) {
      expect(await as(null, () => call(input)), name).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(officer, () => call(input)), name).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });
    }
    expect(await db.park.count()).toBe(1);
    expect(await db.zone.count()).toBe(1);
    expect(await db.enterpriseProject.count()).toBe(1);
    expect(await db.park.findUniqueOrThrow({ where: { id: park.id }, select: { nameEn: true, version: true } })).toEqual({ nameEn: "Test Park", version: 1 });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("an admin edits parks and zones", () => {
  it("creates a park with one audit row of what was stored", async () => {
    await setUp();
    const stored = await db.park.findUniqueOrThrow({ where: { id: park.id } });
    expect(stored).toMatchObject({ code: "test-park", county: "XINHUI", plannedAreaKm2: 12.5, shortNameZh: null, centerLng: 113.05, version: 1, industries: ["NEW_MATERIALS"] });
  });

  it("an edit writes exactly one audit row with the changed fields before and after, and bumps the version", async () => {
    await setUp();
    const result = await as(admin, () =>
      updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, nameEn: "Test Park (edited)", industries: ["NEW_MATERIALS", "GLASS"], contactPhone: "+86 750 123 4567", plannedAreaKm2: "" }),
    );
    expect(result).toEqual({ ok: true, data: { id: park.id, code: "test-park", version: 2 } });
    expect(await audits()).toEqual([
      {
        actorId: admin.id,
        action: "park.update",
        entity: "Park",
        entityId: park.id,
        before: { nameEn: "Test Park", industries: ["NEW_MATERIALS"], plannedAreaKm2: 12.5, contactPhone: null, version: 1 },
        after: { nameEn: "Test Park (edited)", industries: ["NEW_MATERIALS", "GLASS"], plannedAreaKm2: null, contactPhone: "+86 750 123 4567", version: 2 },
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    // Saving the same values again changes nothing and writes nothing.
    expect(await as(admin, () => updateParkAction({ parkId: park.id, version: "2", ...PARK_FORM, nameEn: "Test Park (edited)", industries: ["NEW_MATERIALS", "GLASS"], contactPhone: "+86 750 123 4567", plannedAreaKm2: "" }))).toEqual({ ok: true, data: { id: park.id, code: "test-park", version: 2 } });
    expect(await db.auditLog.count()).toBe(1);
  });

  it("a stale version is a conflict carrying the current values; nothing is written", async () => {
    await setUp();
    await as(admin, () => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, nameEn: "Saved first" }));
    const late = await as(admin, () => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, nameEn: "Saved second" }));
    expect(late).toMatchObject({ ok: false, error: { code: "conflict", message: "stale", current: { nameEn: "Saved first", version: 2, county: "XINHUI", parentCode: null } } });
    expect((await db.park.findUniqueOrThrow({ where: { id: park.id } })).nameEn).toBe("Saved first");
    expect(await db.auditLog.count()).toBe(1);
  });

  it("10 parallel saves at one version: 1 succeeds, 9 conflict, version +1, 1 audit row (park, zone and project alike)", async () => {
    await setUp();
    const project = await as(admin, () => createProjectAction({ code: "test-project", ...PROJECT_FORM }));
    if (!project.ok) throw new Error(JSON.stringify(project));
    await db.auditLog.deleteMany();
    const runs = {
      park: (i: number) => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, nameEn: `Parallel ${i}` }),
      zone: (i: number) => updateZoneAction({ zoneId: zone.id, version: "1", nameZh: "甲区", nameEn: `Parallel ${i}`, industries: "NEW_MATERIALS", allowedLandUses: ["INDUSTRIAL_M1", "INDUSTRIAL_M2"] }),
      project: (i: number) => updateProjectAction({ projectId: project.data.id, version: "1", ...PROJECT_FORM, nameEn: `Parallel ${i}` }),
    };
    for (const [name, save] of Object.entries(runs)) {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => as(admin, () => save(i))));
      expect(results.filter((r) => r.ok), name).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === "conflict"), name).toHaveLength(9);
    }
    const [p, z, pr] = await Promise.all([
      db.park.findUniqueOrThrow({ where: { id: park.id } }),
      db.zone.findUniqueOrThrow({ where: { id: zone.id } }),
      db.enterpriseProject.findUniqueOrThrow({ where: { id: project.data.id } }),
    ]);
    expect([p.version, z.version, pr.version]).toEqual([2, 2, 2]);
    const rows = await audits();
    expect(rows.map((r) => r.action)).toEqual(["park.update", "zone.update", "project.update"]);
    expect(rows.map((r) => (r.after as { nameEn: string }).nameEn)).toEqual([p.nameEn, z.nameEn, pr.nameEn]);
  });

  it("refuses a parent loop, an unknown parent and a centre outside Jiangmen, by field", async () => {
    await setUp();
    const child = await as(admin, () => createParkAction({ code: "child-park", ...PARK_FORM, parentCode: "test-park" }));
    expect(child.ok).toBe(true);
    const loop = await as(admin, () => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, parentCode: "child-park" }));
    expect(loop).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parentCode: "parentLoop" } } });
    const self = await as(admin, () => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, parentCode: "test-park" }));
    expect(self).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parentCode: "parentLoop" } } });
    const unknown = await as(admin, () => createParkAction({ code: "third-park", ...PARK_FORM, parentCode: "nowhere" }));
    expect(unknown).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parentCode: "unknownPark" } } });
    const swapped = await as(admin, () => createParkAction({ code: "third-park", ...PARK_FORM, centerLng: "22.45", centerLat: "113.05" }));
    expect(swapped).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { centerLng: "coordinate:111.8:113.6", centerLat: "coordinate:21.3:23" } } });
    const dup = await as(admin, () => createParkAction({ code: "test-park", ...PARK_FORM }));
    expect(dup).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { code: "codeTaken" } } });
    expect(await db.park.count()).toBe(2);
  });

  it("a zone edit is audited; a land use its parcels have cannot be taken away", async () => {
    await setUp();
    const edit = await as(admin, () => updateZoneAction({ zoneId: zone.id, version: "1", nameZh: "甲区", nameEn: "Zone A", industries: ["NEW_MATERIALS", "GLASS"], allowedLandUses: "INDUSTRIAL_M1", descriptionEn: "Glass too" }));
    expect(edit).toEqual({ ok: true, data: { id: zone.id, code: "test-park-a", version: 2 } });
    expect(await audits()).toEqual([
      {
        actorId: admin.id,
        action: "zone.update",
        entity: "Zone",
        entityId: zone.id,
        before: { industries: ["NEW_MATERIALS"], allowedLandUses: ["INDUSTRIAL_M1", "INDUSTRIAL_M2"], descriptionEn: null, version: 1 },
        after: { industries: ["NEW_MATERIALS", "GLASS"], allowedLandUses: ["INDUSTRIAL_M1"], descriptionEn: "Glass too", version: 2 },
        requestId: expect.any(String),
      },
    ]);
    const inUse = await as(admin, () => updateZoneAction({ zoneId: zone.id, version: "2", nameZh: "甲区", nameEn: "Zone A", allowedLandUses: "INDUSTRIAL_M2" }));
    expect(inUse).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { allowedLandUses: "landUseInUse:INDUSTRIAL_M1" } } });
    const none = await as(admin, () => updateZoneAction({ zoneId: zone.id, version: "2", nameZh: "甲区", nameEn: "Zone A", allowedLandUses: "" }));
    expect(none).toMatchObject({ ok: false, error: { fieldErrors: { allowedLandUses: "required" } } });
    expect(await db.auditLog.count()).toBe(1);
  });
});

describe("the park page's form actions", () => {
  it("a conflict returns the typed values (lists included) and the saved ones; unticked boxes are an empty list", async () => {
    await setUp();
    await as(admin, () => updateParkAction({ parkId: park.id, version: "1", ...PARK_FORM, nameEn: "Saved first" }));
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...PARK_FORM, nameEn: "Typed by me", industries: undefined })) if (typeof v === "string") form.append(k, v);
    form.append("industries", "GLASS");
    form.append("industries", "NEW_MATERIALS");
    form.append("parkId", park.id);
    form.append("version", "1");
    form.append("locale", "en");
    const state = await as(admin, () => updateParkForm(null, form));
    expect(state).toMatchObject({ ok: false, error: { code: "conflict", current: { nameEn: "Saved first", version: 2 } }, values: { nameEn: "Typed by me", industries: ["GLASS", "NEW_MATERIALS"], version: "1" } });
    expect(state && !state.ok && state.values && "locale" in state.values).toBe(false);

    const zoneForm = new FormData();
    for (const [k, v] of Object.entries({ zoneId: zone.id, version: "1", nameZh: "甲区", nameEn: "Zone A" })) zoneForm.append(k, v);
    const refused = await as(admin, () => updateZoneForm(null, zoneForm));
    // No land use ticked: the list is empty (required), not "unchanged".
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { allowedLandUses: "required" } }, values: { industries: [], allowedLandUses: [] } });
  });
});

describe("an admin edits enterprise projects", () => {
  it("creates a project on parcels by code, audited; an edit records only what changed", async () => {
    await setUp();
    const created = await as(admin, () => createProjectAction({ code: "test-project", ...PROJECT_FORM }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const stored = await db.enterpriseProject.findUniqueOrThrow({ where: { id: created.data.id }, include: { parcels: { select: { code: true } } } });
    expect(stored).toMatchObject({ investmentCny: 1_200_000_000n, landAreaHa: 2.2, stage: "SIGNED", signedOn: new Date("2026-03-01T00:00:00Z"), groundbreakingOn: null, parkId: park.id });
    expect(stored.parcels.map((p) => p.code).sort()).toEqual(["TP-001", "TP-002"]);
    const [create] = await audits();
    expect(create).toMatchObject({ action: "project.create", entity: "EnterpriseProject", entityId: created.data.id, before: null, after: { code: "test-project", investmentCny: "1200000000", parcelCodes: ["TP-001", "TP-002"], version: 1 } });

    const edit = await as(admin, () => updateProjectAction({ projectId: created.data.id, version: "1", ...PROJECT_FORM, stage: "UNDER_CONSTRUCTION", groundbreakingOn: "2026-06-18", parcelCodes: "TP-002" }));
    expect(edit).toEqual({ ok: true, data: { id: created.data.id, code: "test-project", version: 2 } });
    const rows = await audits();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      actorId: admin.id,
      action: "project.update",
      entity: "EnterpriseProject",
      entityId: created.data.id,
      before: { stage: "SIGNED", groundbreakingOn: null, parcelCodes: ["TP-001", "TP-002"], version: 1 },
      after: { stage: "UNDER_CONSTRUCTION", groundbreakingOn: "2026-06-18", parcelCodes: ["TP-002"], version: 2 },
      requestId: expect.any(String),
    });
    const parcels = await db.parcel.findMany({ where: { projects: { some: { id: created.data.id } } }, select: { code: true } });
    expect(parcels.map((p) => p.code)).toEqual(["TP-002"]);
  });

  it("refuses parcels of another park, available parcels, out-of-order milestones, and names them", async () => {
    await setUp();
    const other = await as(admin, () => createParkAction({ code: "other-park", ...PARK_FORM }));
    if (!other.ok) throw new Error("park");
    await parcel("OP-001", other.data.id, null, "SOLD", 113.01);
    const wrongPark = await as(admin, () => createProjectAction({ code: "p1", ...PROJECT_FORM, parcelCodes: "TP-001 OP-001 NOPE-1" }));
    expect(wrongPark).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parcelCodes: "parcelsNotInPark:NOPE-1,OP-001" } } });
    const available = await as(admin, () => createProjectAction({ code: "p1", ...PROJECT_FORM, parcelCodes: "TP-003、TP-001" }));
    expect(available).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parcelCodes: "parcelsAvailable:TP-003" } } });
    const order = await as(admin, () => createProjectAction({ code: "p1", ...PROJECT_FORM, groundbreakingOn: "2026-01-01" }));
    expect(order).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { groundbreakingOn: "dateBefore:signedOn" } } });
    const first = await as(admin, () => createProjectAction({ code: "p1", ...PROJECT_FORM }));
    expect(first.ok).toBe(true);
    const taken = await as(admin, () => createProjectAction({ code: "p2", ...PROJECT_FORM, parcelCodes: "TP-002" }));
    expect(taken).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parcelCodes: "parcelsTaken:TP-002" } } });
    expect(await db.enterpriseProject.count()).toBe(1);
  });
});
