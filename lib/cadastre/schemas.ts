// The upload form's fields, checked by the route (the page's form sends the same names).
import { z } from "zod";
import { CRS_CODES, DEFAULT_CRS } from "./crs-codes";

export { MAX_CSV_BYTES, MAX_UPLOAD_BYTES } from "./crs-codes";

export const importFormSchema = z.object({
  park: z.string().trim().min(1, "required").max(80),
  crs: z.enum(CRS_CODES).default(DEFAULT_CRS),
  mode: z.enum(["dry-run", "commit"]).default("dry-run"),
});

export const EXPORT_FORMATS = ["geojson", "csv"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS).catch("geojson");
