// The tiled results map in Chromium shows land an admin has just freed (issue #12): an admin
// moves a parcel that was not offered back to available through the staff parcel page; the
// search around it then draws it, in the vector tiles the browser fetched (decoded here as
// MapLibre reads them), strong and coloured as a block of the listed page.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PbfReader } from "pbf";
import { VectorTile } from "@mapbox/vector-tile";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ADMIN = "admin@jiangmen.example";

describe.skipIf(!chromiumPath)("the tiled results map", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  let parcel: { id: string; code: string; status: "NOT_OFFERED"; statusReason: string | null; statusChangedAt: Date | null; version: number; centroidLng: number; centroidLat: number } | undefined;
  const started = new Date();

  beforeAll(async () => {
    parcel = (await db!.parcel.findFirstOrThrow({
      where: { status: "NOT_OFFERED" },
      orderBy: { code: "desc" },
      select: { id: true, code: true, status: true, statusReason: true, statusChangedAt: true, version: true, centroidLng: true, centroidLat: true },
    })) as typeof parcel;
  });
  afterAll(async () => {
    if (parcel) {
      const { id, status, statusReason, statusChangedAt } = parcel;
      await db!.parcel.update({ where: { id }, data: { status, statusReason, statusChangedAt } });
      await db!.auditLog.deleteMany({ where: { entity: "Parcel", entityId: id, createdAt: { gte: started } } });
    }
    await db?.$disconnect();
  });

  it("draws a parcel an admin has just made available", async () => {
    const p = parcel!;
    const context = await browser().newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const url = `${baseUrl}/en/staff/parcels/${encodeURIComponent(p.code)}`;
    await page.goto(url);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(url);
    await page.locator("#parcel-status").selectOption("AVAILABLE");
    await page.locator("#parcel-reason").fill("Offered again after the road works");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("parcel-edit-form").getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect((await db!.parcel.findUniqueOrThrow({ where: { id: p.id }, select: { status: true } })).status).toBe("AVAILABLE");

    // The parcels around it, one result each: the map fits them at street zoom, where the
    // tiles carry polygons. Every tile the map fetches is kept to be read.
    const tiles: { url: string; body: Promise<Buffer> }[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/api/land/tiles/")) tiles.push({ url: r.url(), body: r.body() });
    });
    await page.goto(`${baseUrl}/en/search?view=parcels&area=${encodeURIComponent(`c:${p.centroidLng.toFixed(5)},${p.centroidLat.toFixed(5)},0.15`)}`);
    await page.locator("[data-testid=land-map][data-state=ready] canvas.maplibregl-canvas").waitFor();
    const found = async () => {
      for (const t of tiles) {
        const bytes = await t.body.catch(() => null);
        if (!bytes) continue;
        const layer = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers.parcels;
        for (let i = 0; layer && i < layer.length; i++) {
          const props = layer.feature(i).properties;
          if (props.code === p.code) return { url: t.url, props };
        }
      }
      return null;
    };
    await expect.poll(found, { timeout: 15_000 }).not.toBeNull();
    const hit = (await found())!;
    // Asked with the page's own search and land revision; a listed parcel, drawn strong.
    const tileUrl = new URL(hit.url);
    expect(tileUrl.searchParams.get("view")).toBe("parcels");
    expect(tileUrl.searchParams.get("rev")).toBe(String((await db!.landRevision.findUniqueOrThrow({ where: { id: 1 } })).revision));
    expect(hit.props).toMatchObject({ kind: "parcel", code: p.code, block: p.code, page: 1 });
    expect(hit.props.colour).not.toBe("");
    // Its card is in the list too, numbered like its marker.
    await page.locator(`[data-testid=block-result][data-key="${p.code}"]`).waitFor();
    await context.close();
  });
});
