// Numbered markers that would lie on top of each other (blocks next door at city scale) are
// spread on a small ring around their common centre, so each stays visible and clickable.
// Pure: screen positions in, pixel offsets out.

export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

/** Offsets [dx, dy] per id; points with no neighbour closer than `minPx` keep [0, 0]. */
export function spreadOffsets(points: readonly ScreenPoint[], minPx = 26): Map<string, [number, number]> {
  const groups: ScreenPoint[][] = [];
  for (const p of points) {
    // Greedy: a point joins the first group it overlaps, so a chain of neighbours is one group.
    const group = groups.find((g) => g.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < minPx));
    if (group) group.push(p);
    else groups.push([p]);
  }
  const out = new Map<string, [number, number]>();
  for (const g of groups) {
    if (g.length === 1) {
      out.set(g[0]!.id, [0, 0]);
      continue;
    }
    const cx = g.reduce((s, p) => s + p.x, 0) / g.length;
    const cy = g.reduce((s, p) => s + p.y, 0) / g.length;
    // Ring radius so neighbours on it are minPx apart: chord 2r·sin(π/n) = minPx.
    const r = minPx / (2 * Math.sin(Math.PI / g.length));
    g.forEach((p, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / g.length;
      out.set(p.id, [Math.round(cx + r * Math.cos(a) - p.x), Math.round(cy + r * Math.sin(a) - p.y)]);
    });
  }
  return out;
}
