// The parcel page's map: the parcel outlined among its neighbours (coloured by status) on the
// same offline context map as the block and park pages (counties, coast, towns, logistics,
// scale bar; zoom out for the wider view). Without WebGL the SVG site plan of the same land
// takes its place, as on the block page.
import { getTranslations } from "next-intl/server";
import { LandMap } from "@/components/land-map";
import { MapLegend } from "@/components/map-legend";
import { SitePlan, toPlanParcels } from "@/components/site-plan";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import type { BBox } from "@/lib/land/geometry";
import { parcelMapFeatures } from "@/lib/map/block";
import { OUTLINE_COLOUR, STATUS_COLOURS } from "@/lib/map/colours";

interface Shape {
  code: string;
  status: ParcelStatus;
  geometry: unknown;
}

interface Props {
  locale: string;
  parcel: Shape;
  /** the neighbours' shapes (the parcel itself may be among them) */
  around: Shape[];
  /** what to show first: the parcel and its neighbours */
  box: BBox;
  tileUrl?: string;
}

export async function ParcelContextMap({ locale, parcel, around, box, tileUrl }: Props) {
  const t = await getTranslations();
  const statusLabel = (s: ParcelStatus) => t(`parcelStatus.${s}`);
  const { shapes, features } = parcelMapFeatures(parcel, around);
  return (
    <section aria-labelledby="parcel-map-title" data-testid="parcel-map">
      <h2 id="parcel-map-title" className="sr-only">{t("parcel.planTitle")}</h2>
      <LandMap
        data={features}
        variant="context"
        fitTo={box}
        links={{ to: "parcels" }}
        tileUrl={tileUrl}
        label={t("investor.location.parcel.label")}
        fallback={<SitePlan parcels={toPlanParcels(shapes, locale, (c) => c === parcel.code)} statusLabel={statusLabel} title={t("parcel.planTitle")} legendTitle={t("block.legend")} note={t("home.illustrative")} />}
      />
      <MapLegend
        title={t("map.legendTitle")}
        items={[
          { colour: OUTLINE_COLOUR, label: t("investor.location.parcel.outline"), shape: "line" },
          ...[...new Set(shapes.map((s) => s.status))].map((s) => ({ colour: STATUS_COLOURS[s], label: statusLabel(s) })),
        ]}
        note={t("map.illustrative")}
      />
    </section>
  );
}
