// Colours shared by the SVG site plans and the WebGL maps, so a status looks the same everywhere.
import type { ParcelStatus } from "../generated/prisma/enums";

export const STATUS_COLOURS: Record<ParcelStatus, string> = {
  AVAILABLE: "#16a34a",
  RESERVED: "#ca8a04",
  UNDER_NEGOTIATION: "#ea580c",
  SOLD: "#64748b",
  LEASED: "#7c3aed",
  NOT_OFFERED: "#d6d3d1",
};

// Neighbouring results get different colours so blocks stay tellable apart on the map.
export const BLOCK_COLOURS = ["#16a34a", "#0d9488", "#65a30d", "#0891b2", "#15803d", "#4d7c0f"];

/** Matching blocks that are not on the listed page: drawn pale, still clickable. */
export const OTHER_RESULT_COLOUR = "#a3d9b1";

/** The heavy outline of the block a page is about. */
export const OUTLINE_COLOUR = "#7c2d12";
