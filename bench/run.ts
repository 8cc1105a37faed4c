// npm run bench [-- --quick]: every benchmark, figures printed for the README.
import { benchLandSearch } from "./land-search";

const quick = process.argv.includes("--quick");
const lines = await benchLandSearch(quick ? [10_000] : [10_000, 100_000], quick ? 5 : 25);
console.log(`\n${lines.join("\n")}`);
