// "Where is the park?": the park's parcels on the offline context map, framed wide enough to
// show its county, the towns around it and the nearest station and interchange, which the SVG
// site plan (drawn at the park's own scale) cannot.
import { getTranslations } from "next-intl/server";
import { LandMap } from "@/components/land-map";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import type { PolygonGeometry } from "@/lib/land/geometry";
import { parkLocationBox } from "@/lib/location/site";
import type { LandFeatureCollection } from "@/lib/map/features";
import { roundCoordinates } from "@/lib/map/features";

interface Props {
  center: { lng: number; lat: number };
  parcels: { code: string; status: ParcelStatus; geometry: PolygonGeometry }[];
  tileUrl?: string;
}

export async function ParkLocationMap({ center, parcels, tileUrl }: Props) {
  const t = await getTranslations("investor.location");
  const data: LandFeatureCollection = {
    type: "FeatureCollection",
    features: parcels.map((p) => ({
      type: "Feature",
      geometry: { type: "Polygon", coordinates: roundCoordinates(p.geometry.coordinates) },
      properties: { kind: "parcel", code: p.code, block: "", page: 0, colour: "", status: p.status },
    })),
  };
  return (
    <section aria-labelledby="location-title" className="mt-8" data-testid="park-location">
      <h2 id="location-title" className="text-lg font-semibold">{t("park.title")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t("park.lead")}</p>
      <div className="mt-3">
        <LandMap data={data} variant="context" fitTo={parkLocationBox(center, parcels)} links={{ to: "parcels" }} tileUrl={tileUrl} label={t("park.label")} unavailableNote={t("park.unavailable")} />
      </div>
    </section>
  );
}
