// What "a block we have already told you about" means. A block is the set of its parcels: its
// signature is a short hash of its sorted parcel codes, so the same land gives the same
// signature whatever order the index lists it in, and a block that grew because a neighbour
// was freed (or shrank) is another block. Prices and dates are not part of it: a block that
// merely changed price is not news, but one that now matches because of it has a signature
// the search had not seen.
import { createHash } from "node:crypto";

/** 16 hex digits (64 bits): collisions among one search's blocks are out of reach. */
export const SIGNATURE_LENGTH = 16;

export function blockSignature(parcelCodes: readonly string[]): string {
  const sorted = [...new Set(parcelCodes)].sort();
  // A newline cannot occur inside a parcel code, so ["A", "B"] and ["A\nB"] never meet.
  return createHash("sha256").update(sorted.join("\n"), "utf8").digest("hex").slice(0, SIGNATURE_LENGTH);
}

/** The signatures of `current` not in `seen`, in `current`'s order. */
export function newSignatures(current: readonly string[], seen: readonly string[]): string[] {
  const known = new Set(seen);
  return current.filter((s) => !known.has(s));
}
