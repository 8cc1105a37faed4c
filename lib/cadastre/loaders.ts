// Cadastre reads and the import on the app's client, for the staff page and route handlers
// (which never hold the client themselves).
import "server-only";
import { db } from "../db";
import type { LandSearchQuery } from "../search/schemas";
import { parkExport, searchExport } from "./export";
import { runImport, type ImportEvent, type RunImportInput } from "./run";

export const loadImportParks = () => db().park.findMany({ select: { code: true, nameZh: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
export const runCadastreImport = (input: RunImportInput, onEvent?: (e: ImportEvent) => void) => runImport(db(), input, onEvent);
export const loadParkExport = (parkCode: string) => parkExport(db(), parkCode);
export const loadSearchExport = (q: LandSearchQuery) => searchExport(db(), q);
