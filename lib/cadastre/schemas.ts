// The upload form's fields, checked by the route (the page's form sends the same names).
import { z } from "zod";
import { CRS_CODES, DEFAULT_CRS } from "./crs";

/** Big enough for a 20,000-parcel survey with detailed boundaries; refused with 413 above it. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export const importFormSchema = z.object({
  park: z.string().trim().min(1, "required").max(80),
  crs: z.enum(CRS_CODES).default(DEFAULT_CRS),
  mode: z.enum(["dry-run", "commit"]).default("dry-run"),
});

export const EXPORT_FORMATS = ["geojson", "csv"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS).catch("geojson");
