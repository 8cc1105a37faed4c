// The CJK font every sheet embeds (as a subset of the glyphs used, done by pdfkit/fontkit):
// Noto Sans SC Regular, from the npm package @expo-google-fonts/noto-sans-sc (font under the
// SIL Open Font License 1.1, package code MIT). It covers Latin too, so one font sets both
// languages. Nothing is downloaded and no system font is assumed. Read lazily, once per
// process (10 MB): a server that never makes a sheet never holds it.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SHEET_FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc";
const FILE = "400Regular/NotoSansSC_400Regular.ttf";

let cached: Buffer | undefined;

// The server runs from the project's root (scripts/serve.ts, the Docker image's /app), where
// node_modules is; resolving through the bundler would copy a 10 MB file into the build.
export function sheetFontPath(root = process.cwd()): string {
  return path.join(root, "node_modules", SHEET_FONT_PACKAGE, FILE);
}

export function sheetFont(): Buffer {
  cached ??= readFileSync(sheetFontPath());
  return cached;
}
