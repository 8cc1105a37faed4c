// Cadastre upload (multipart: park, crs, mode, file, optional csv), answered as NDJSON: progress
// lines while the file is checked (and committed), then one line with the report. A route
// handler rather than a server action: actions stop at 1 MB (next.config.js), a survey is more.
// The permission is checked here, next to the data; nothing is read before it.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { can, twoFactorBlocks } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { runCadastreImport } from "@/lib/cadastre/loaders";
import { importFormSchema, MAX_CSV_BYTES, MAX_UPLOAD_BYTES } from "@/lib/cadastre/schemas";
import { AppError } from "@/lib/errors";
import { postOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = postOnlyRoute;

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
const MB = (n: number) => Math.round(n / 1024 / 1024);
const tooLarge = () =>
  json({ error: "too large", zh: `文件过大：上传上限为 ${MB(MAX_UPLOAD_BYTES)} MB，请分批导入`, en: `The file is too large: uploads are limited to ${MB(MAX_UPLOAD_BYTES)} MB; split it` }, 413);

/** No Origin (a script, the tests) passes; a foreign or unreadable one ("null") does not. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === (request.headers.get("host") ?? new URL(request.url).host);
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  const actor = await currentActor();
  if (!actor) return json({ error: "signed out" }, 401);
  if (!can(actor.role, "parcel.import") || twoFactorBlocks(actor, "parcel.import")) return json({ error: "forbidden" }, 403);
  // A cookie-authenticated POST from another site is refused (browsers always send Origin).
  if (!sameOrigin(request)) return json({ error: "forbidden" }, 403);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + MAX_CSV_BYTES) return tooLarge();

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ error: "invalid form", zh: "上传内容无法读取，请重新选择文件", en: "The upload could not be read; choose the file again" }, 400);
  }
  const parsed = importFormSchema.safeParse({ park: form.get("park") ?? "", crs: form.get("crs") || undefined, mode: form.get("mode") || undefined });
  const file = form.get("file");
  const csv = form.get("csv");
  if (!parsed.success || !(file instanceof File) || file.size === 0) {
    return json({ error: "invalid form", zh: "请选择园区和 GeoJSON 文件", en: "Choose a park and a GeoJSON file" }, 400);
  }
  if (file.size > MAX_UPLOAD_BYTES || (csv instanceof File && csv.size > MAX_CSV_BYTES)) return tooLarge();
  const geojson = await file.text();
  const csvText = csv instanceof File && csv.size > 0 ? await csv.text() : null;
  const requestId = randomUUID();
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = 0;
      try {
        const result = await runCadastreImport(
          {
            parkCode: parsed.data.park,
            fileName: file.name,
            crs: parsed.data.crs,
            geojson,
            csv: csvText,
            commit: parsed.data.mode === "commit",
            actorId: actor.id,
            mayOverride: can(actor.role, "parcel.override"),
            via: "web",
            requestId,
          },
          (e) => {
            // At most a few lines a second: enough for a progress bar, not a flood.
            const now = Date.now();
            if (now - last > 200 || e.done === e.total) {
              last = now;
              send(e);
            }
          },
        );
        send({ type: "result", importId: result.importId, report: result.report, committed: result.committed });
      } catch (error) {
        if (error instanceof AppError) send({ type: "error", code: error.code, message: error.message, current: error.current });
        else {
          console.error(`[${requestId}] cadastre import failed`, error);
          send({ type: "error", code: "internal", message: "internal", requestId });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
