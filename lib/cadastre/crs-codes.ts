// The coordinate systems the import accepts, without the projection libraries: the upload
// form (a client component) lists them without shipping proj4 to the browser.
export const CRS_CODES = ["EPSG:4326", "EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547", "GCJ-02"] as const;
export type CrsCode = (typeof CRS_CODES)[number];
export const DEFAULT_CRS: CrsCode = "EPSG:4326";

/** Big enough for a 20,000-parcel survey with detailed boundaries; refused with 413 above it. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
