// npm run bench [-- --quick]: every benchmark, figures printed for the README.
import { benchLandSearch } from "./land-search";
import { benchMapRender } from "./map-render";

const quick = process.argv.includes("--quick");
const lines = await benchLandSearch(quick ? [10_000] : [10_000, 100_000], quick ? 5 : 25);
lines.push(...(await benchMapRender(quick ? [2_000] : [2_000, 5_000, 20_000])));
console.log(`\n${lines.join("\n")}`);
