// The coordinate systems the import accepts, without the projection libraries: the upload
// form (a client component) lists them without shipping proj4 to the browser.
export const CRS_CODES = ["EPSG:4326", "EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547", "GCJ-02"] as const;
export type CrsCode = (typeof CRS_CODES)[number];
export const DEFAULT_CRS: CrsCode = "EPSG:4326";

/**
 * 8 MB holds about 13,000 surveyed parcels (the 10,000-feature benchmark file is 6.2 MB); above
 * it, a 413 that says to split the file. Together with the CSV the limit is 10 MiB, Next's own
 * cap on a request body passing proxy.ts (`proxyClientMaxBodySize`): a larger upload would be
 * cut there and reach the route unreadable. Raising that cap would raise it for every public
 * route too, so the import stays under it.
 */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
