// npm run bench [-- --quick] [-- --only=inbox] [-- --only=lighthouse --page=search] [-- --scale]: every benchmark (or one), figures printed for the README.
import { benchHolds } from "./holds";
import { benchAuditLog } from "./audit-log";
import { benchCadastreImport } from "./cadastre-import";
import { benchDataSheet } from "./data-sheet";
import { benchInbox } from "./inbox";
import { benchIndexPatch } from "./index-patch";
import { benchLighthouse } from "./lighthouse";
import { benchLandSearch } from "./land-search";
import { benchMapRender } from "./map-render";
import { benchPageCache } from "./page-cache";
import { benchMapTiles } from "./map-tiles";
import { benchSavedSearchAlerts } from "./saved-search-alerts";

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
// --scale: the province-scale sizes (1,000,000 parcels) where a bench has them (land search,
// tiles, index patches); not part of the default run.
const scale = process.argv.includes("--scale");
const lines: string[] = [];
// --no-http: the in-process figures only (the HTTP bench builds and starts the portal).
const http = !process.argv.includes("--no-http");
// --no-comparators: without the PostGIS, pgRouting and union-find runs (minutes at 1M).
const comparators = !process.argv.includes("--no-comparators");
if (scale && (!only || only === "land")) lines.push(...(await benchLandSearch([1_000_000], 10, { http, scale, comparators })));
else if (!only || only === "land") lines.push(...(await benchLandSearch(quick ? [10_000] : [10_000, 100_000], quick ? 5 : 25, { http })));
if (!only || only === "map") lines.push(...(await benchMapRender(quick ? [2_000] : [2_000, 5_000, 20_000])));
if (!only || only === "tiles") lines.push(...(await benchMapTiles(quick ? [20_000] : scale ? [1_000_000] : [100_000])));
if (!only || only === "inbox") lines.push(...(await benchInbox(50_000, quick ? 10 : 30)));
if (!only || only === "holds") lines.push(...(await benchHolds(quick ? 5 : 20, quick ? 2_000 : 10_000)));
if (!only || only === "audit") lines.push(...(await benchAuditLog(quick ? 100_000 : 1_000_000, quick ? 10 : 30)));
if (!only || only === "cadastre") lines.push(...(await benchCadastreImport(quick ? 2_000 : 10_000)));
if (!only || only === "alerts") lines.push(...(await benchSavedSearchAlerts(quick ? 500 : 2_000)));
if (!only || only === "patch") lines.push(...(await benchIndexPatch(scale ? 1_000_000 : quick ? 10_000 : 100_000, quick ? 5 : 20, quick ? 10_000 : 100_000)));
// The public pages under load, page cache on and off (builds and starts the portal: HTTP).
if ((!only && http) || only === "pages") lines.push(...(await benchPageCache(quick ? 3 : 10, !quick)));
if (!only || only === "sheet") lines.push(...(await benchDataSheet(quick ? 10 : 50)));
// Lighthouse builds and starts the portal too; --page=search measures the pages whose name has it.
const page = process.argv.find((a) => a.startsWith("--page="))?.slice("--page=".length);
if (!only || only === "lighthouse") lines.push(...(await benchLighthouse(quick ? 1 : 3, page)));
console.log(`\n${lines.join("\n")}`);
