// A site plan drawn as SVG from our own parcel geometry: no tile server, no script, readable
// by screen readers through the table that follows it. Parcels are projected on a local plane
// (equirectangular about the plan's centre: exact enough across a few kilometres).
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import type { PolygonGeometry } from "@/lib/land/geometry";
import { makeLocalProjection } from "@/lib/land/geometry";
import { STATUS_COLOURS } from "@/lib/map/colours";
import { MapLegend } from "./map-legend";

export interface PlanParcel {
  code: string;
  status: ParcelStatus;
  geometry: PolygonGeometry;
  href?: string;
  /** drawn with a darker, slightly heavier outline: the parcels the page is about */
  highlighted?: boolean;
}

interface Props {
  parcels: PlanParcel[];
  statusLabel: (s: ParcelStatus) => string;
  title: string;
  legendTitle: string;
  note: string;
}

/** Outline widths in CSS pixels, whatever the plan's size (see vectorEffect below). */
export const OUTLINE_PX = { normal: 1, highlighted: 2 } as const;

export function SitePlan({ parcels, statusLabel, title, legendTitle, note }: Props) {
  if (parcels.length === 0) return null;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const p of parcels)
    for (const [lng, lat] of p.geometry.coordinates[0]!) {
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  const proj = makeLocalProjection([(minLng + maxLng) / 2, (minLat + maxLat) / 2]);
  const [x0, y0] = proj.toXY([minLng, minLat]);
  const [x1, y1] = proj.toXY([maxLng, maxLat]);
  const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
  const width = x1 - x0 + 2 * pad;
  const height = y1 - y0 + 2 * pad;
  const path = (g: PolygonGeometry) =>
    g.coordinates
      .map((ring) => ring.map((c, i) => {
        const [x, y] = proj.toXY(c);
        return `${i ? "L" : "M"}${(x - x0 + pad).toFixed(1)},${(y1 - y + pad).toFixed(1)}`;
      }).join("") + "Z")
      .join("");
  const present = [...new Set(parcels.map((p) => p.status))];
  // Outline widths are screen pixels (non-scaling stroke), never derived from the plan's size
  // in metres: a width of plan/250 drew 6-15 px borders on a park a few km across, which hid
  // thin parcels and made neighbours look apart. A hairline at any size; the parcels a page is
  // about get 2 px only where they must stand out from faded neighbours.
  const contrast = parcels.some((p) => p.highlighted === false);
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-3">
      <svg viewBox={`0 0 ${width.toFixed(1)} ${height.toFixed(1)}`} role="group" aria-label={title} className="h-auto max-h-[28rem] w-full bg-stone-100">
        {parcels.map((p) => {
          const shape = (
            <path
              d={path(p.geometry)}
              fill={STATUS_COLOURS[p.status]}
              fillOpacity={p.highlighted === false ? 0.35 : 0.85}
              stroke={p.highlighted ? "#0b604a" : "#ffffff"}
              strokeWidth={p.highlighted && contrast ? OUTLINE_PX.highlighted : OUTLINE_PX.normal}
              vectorEffect="non-scaling-stroke"
            >
              <title>{`${p.code} · ${statusLabel(p.status)}`}</title>
            </path>
          );
          return p.href ? <a key={p.code} href={p.href} aria-label={`${p.code} · ${statusLabel(p.status)}`}>{shape}</a> : <g key={p.code}>{shape}</g>;
        })}
      </svg>
      <figcaption>
        <MapLegend title={legendTitle} items={present.map((st) => ({ colour: STATUS_COLOURS[st], label: statusLabel(st) }))} note={note} />
      </figcaption>
    </figure>
  );
}

/** Parcels as read from the database -> plan parcels linking to their pages. */
export function toPlanParcels(
  shapes: { code: string; status: ParcelStatus; geometry: unknown }[],
  locale: string,
  highlighted: (code: string) => boolean,
): PlanParcel[] {
  return shapes.map((p) => ({
    code: p.code,
    status: p.status,
    geometry: p.geometry as PolygonGeometry,
    highlighted: highlighted(p.code),
    href: `/${locale}/parcels/${encodeURIComponent(p.code)}`,
  }));
}
