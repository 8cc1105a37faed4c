// The cadastre import in a real browser, as issue #10 tells it: an admin (password + TOTP)
// uploads a survey with problems, reads the dry run, uploads the fixed file, imports it, and
// finds the new block in the investor search. The park is a fresh one made for this file (far
// from the seeded parks) and removed afterwards, with everything the import wrote.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { makeLocalProjection, type PolygonGeometry } from "@/lib/land/geometry";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

const ADMIN = "admin@jiangmen.example";
const PARK = "e2e-cadastre-park";
const proj = makeLocalProjection([112.25, 21.75]);
const rect = (x: number, y: number, w = 100, h = 100): PolygonGeometry => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]].map((p) => proj.toLngLat(p as [number, number]).map((v) => Math.round(v * 1e9) / 1e9) as [number, number])],
});
const attrs = { landUse: "INDUSTRIAL_M1", status: "AVAILABLE", zone: `${PARK}-z1`, priceCnyPerMu: 230000 };
const fc = (...features: [Record<string, unknown>, unknown][]) =>
  JSON.stringify({ type: "FeatureCollection", features: features.map(([properties, geometry]) => ({ type: "Feature", properties, geometry })) });
const bowTie = { type: "Polygon", coordinates: [[rect(200, 0).coordinates[0]![0], rect(200, 0).coordinates[0]![2], rect(200, 0).coordinates[0]![1], rect(200, 0).coordinates[0]![3], rect(200, 0).coordinates[0]![0]]] };
const BAD = fc([{ code: "E2E-1", ...attrs }, rect(0, 0)], [{ code: "E2E-1", ...attrs }, rect(100, 0)], [{ code: "E2E-3", ...attrs }, bowTie]);
const GOOD = fc([{ code: "E2E-1", ...attrs }, rect(0, 0)], [{ code: "E2E-2", ...attrs }, rect(100, 0)], [{ code: "E2E-3", ...attrs }, rect(200, 0)]);

describe.skipIf(!chromiumPath)("cadastre import", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-cadastre-"));
  const badFile = path.join(dir, "survey-draft.geojson");
  const goodFile = path.join(dir, "survey-fixed.geojson");

  async function dropPark() {
    const park = await db!.park.findUnique({ where: { code: PARK }, select: { id: true } });
    if (!park) return;
    const imports = await db!.cadastreImport.findMany({ where: { parkId: park.id }, select: { id: true } });
    const parcels = await db!.parcel.findMany({ where: { parkId: park.id }, select: { id: true } });
    await db!.auditLog.deleteMany({ where: { entityId: { in: [...imports.map((i) => i.id), ...parcels.map((p) => p.id)] } } });
    await db!.parcel.deleteMany({ where: { parkId: park.id } });
    await db!.park.delete({ where: { id: park.id } });
  }

  beforeAll(async () => {
    fs.writeFileSync(badFile, BAD);
    fs.writeFileSync(goodFile, GOOD);
    await dropPark();
    await db!.park.create({
      data: {
        code: PARK, nameZh: "端到端导入园区", nameEn: "E2E import park", level: "PLATFORM", county: "TAISHAN", industries: ["NEW_ENERGY_BATTERY"],
        descriptionZh: "测试", descriptionEn: "Test", centerLng: 112.25, centerLat: 21.75, boundary: rect(-1000, -1000, 3000, 3000) as object,
        zones: { create: [{ code: `${PARK}-z1`, nameZh: "一区", nameEn: "Zone 1", allowedLandUses: ["INDUSTRIAL_M1"], industries: ["NEW_ENERGY_BATTERY"] }] },
      },
    });
  });
  afterAll(async () => {
    await dropPark();
    await db?.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the draft's problems, imports the fixed file, and the investor search finds the new block", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/staff/parcels/import`);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(`${baseUrl}/en/staff/parcels/import`);
    await page.getByLabel("Park").selectOption(PARK);

    // 1. The draft: a repeated code and a bow-tie polygon. Nothing can be imported.
    await page.getByLabel("GeoJSON file").setInputFiles(badFile);
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await page.getByTestId("import-report").waitFor();
    await expect(page.getByTestId("import-summary").textContent()).resolves.toBe("3 feature(s): 0 to create, 0 to update, 0 unchanged; 3 with problems.");
    await expect(page.getByTestId("import-verdict").textContent()).resolves.toContain("nothing can be imported");
    const rows = page.getByTestId("import-rows");
    // Both copies of the repeated code are named, each pointing at the other.
    const repeated = (await rows.locator("tr[data-code='E2E-1']").allTextContents()).join(" | ");
    expect(repeated).toContain("Parcel code E2E-1 appears twice in the file (feature 1 has it too)");
    expect(repeated).toContain("Parcel code E2E-1 appears twice in the file (feature 2 has it too)");
    await expect(rows.locator("tr[data-code='E2E-3']").textContent()).resolves.toContain("The polygon intersects itself");
    expect(await page.getByTestId("import-commit").count()).toBe(0);
    expect(await db!.parcel.count({ where: { park: { code: PARK } } })).toBe(0);

    // 2. The fixed file: clean; the import writes the three parcels.
    await page.getByLabel("GeoJSON file").setInputFiles(goodFile);
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await page.getByTestId("import-verdict").waitFor();
    await expect(page.getByTestId("import-verdict").textContent()).resolves.toBe("The file is clean. Nothing has been written yet.");
    await page.getByTestId("import-commit").click();
    await page.getByTestId("import-committed").waitFor();
    await expect(page.getByTestId("import-committed").textContent()).resolves.toContain("Imported: 3 created, 0 updated, 0 unchanged; 2 adjacency edge(s) recomputed.");

    // Over the limit, through the real server (its proxy caps bodies too): the 413 that says
    // to split the file, just over the limit and well over the proxy's cap alike.
    for (const mb of [9, 15]) {
      const res = await context.request.post(`${baseUrl}/api/staff/cadastre/import`, {
        multipart: { park: PARK, crs: "EPSG:4326", mode: "dry-run", file: { name: "survey.geojson", mimeType: "application/geo+json", buffer: Buffer.alloc(mb * 1024 * 1024, 32) } },
      });
      expect(res.status(), `${mb} MB`).toBe(413);
      expect((await res.json()).en).toBe("The file is too large: uploads are limited to 8 MB; split it");
    }
    await context.close();

    // 3. An investor's search of the park lists the three parcels as one contiguous block.
    const investor = await browser().newContext({ locale: "en-GB" });
    const search = await investor.newPage();
    await search.goto(`${baseUrl}/en/search?park=${PARK}`);
    const block = search.getByTestId("block-result");
    await expect(block.count()).resolves.toBe(1);
    await expect(block.getAttribute("data-key")).resolves.toBe("E2E-1");
    await expect(block.textContent()).resolves.toContain("E2E-1, E2E-2, E2E-3");
    // The result's own download: the same parcels as GeoJSON, public fields only.
    const href = await search.getByTestId("result-download").getByRole("link", { name: "GeoJSON" }).getAttribute("href");
    const download = (await (await search.request.get(`${baseUrl}${href}`)).json()) as { features: { properties: Record<string, unknown> }[] };
    expect(download.features.map((f) => f.properties.code)).toEqual(["E2E-1", "E2E-2", "E2E-3"]);
    expect(download.features.some((f) => "statusReason" in f.properties)).toBe(false);
    await investor.close();
  }, 180_000);
});
