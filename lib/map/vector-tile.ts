// One Mapbox vector tile (MVT) of the results map: from POLYGON_MIN_ZOOM on, the matching
// parcels under the tile (layer "parcels", the properties the GeoJSON map's parcels have, so
// the same paint rules apply); below it, clusters of matching blocks (layer "clusters").
// Parcels are found with the R-tree, cut and quantised by geojson-vt for this tile alone
// (cheaper than tiling the whole matching set: bench/map-tiles.ts), and encoded by vt-pbf.
import GeoJSONVT from "geojson-vt";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import type Flatbush from "flatbush";
import { fromGeojsonVt } from "vt-pbf";
import { BLOCK_COLOURS } from "./colours";
import type { ParcelShapes } from "./parcel-shapes";
import type { BlockPointTags, TileMatches } from "./tile-matches";
import { CLUSTER_LAYER, PARCEL_LAYER, POLYGON_MIN_ZOOM, TILE_BUFFER, TILE_EXTENT, tileBounds, type TileCoord } from "./tile-math";

/** What a parcel carries in a tile (ParcelProps of the GeoJSON map, plus its block's rank). */
export interface TileParcelProps {
  kind: "parcel";
  code: string;
  block: string;
  /** 1-based position of the block in the results */
  rank: number;
  page: 0 | 1;
  colour: string;
}

/** What a cluster (or a lone block's dot) carries; `expand` is the zoom that splits a cluster. */
export type TileClusterProps = BlockPointTags & { expand?: number };

export interface TileData {
  index: { size: number; codes: readonly string[] };
  shapes: ParcelShapes;
  tree: Flatbush;
}

/** The listed page: ranks [start, end) are drawn strong, coloured in list order. */
export interface PageRange {
  start: number;
  end: number;
}

type Layer = { features: unknown[] };

export function parcelFeatures(data: TileData, m: TileMatches, page: PageRange, tile: TileCoord): Feature<Polygon, TileParcelProps>[] {
  const [w, s, e, n] = tileBounds(tile, TILE_BUFFER);
  const features: Feature<Polygon, TileParcelProps>[] = [];
  // Ascending index order is code order: a tile's features come out in a stable order.
  const hits = data.tree.search(w, s, e, n, (i) => i < data.index.size && m.rankOf[i]! >= 0).sort((a, b) => a - b);
  for (const i of hits) {
    const r = m.rankOf[i]!;
    const onPage = r >= page.start && r < page.end;
    features.push({
      type: "Feature",
      geometry: { type: "Polygon", coordinates: data.shapes.rings(i) },
      properties: {
        kind: "parcel",
        code: data.index.codes[i]!,
        block: m.keys[r]!,
        rank: r + 1,
        page: onPage ? 1 : 0,
        // Colours follow list order on the page, as on the GeoJSON map (lib/search/map.ts).
        colour: onPage ? BLOCK_COLOURS[(r - page.start) % BLOCK_COLOURS.length]! : "",
      },
    });
  }
  return features;
}

function parcelLayer(data: TileData, m: TileMatches, page: PageRange, tile: TileCoord): Layer | null {
  const features = parcelFeatures(data, m, page, tile);
  if (features.length === 0) return null;
  const collection: FeatureCollection<Polygon, TileParcelProps> = { type: "FeatureCollection", features };
  // maxZoom = this zoom: no simplification at the tile's own zoom, and no tiles built below it
  // beyond the path down to this one.
  const vt = new GeoJSONVT(collection, { maxZoom: Math.min(tile.z, 24), indexMaxZoom: 0, extent: TILE_EXTENT, buffer: TILE_BUFFER });
  return vt.getTile(tile.z, tile.x, tile.y);
}

function clusterLayer(m: TileMatches, tile: TileCoord): Layer | null {
  const t = m.clusters.getTile(tile.z, tile.x, tile.y);
  if (!t || t.features.length === 0) return null;
  // Only what the map draws and clicks: supercluster's own tags (cluster_id, abbreviations)
  // would cost bytes in every tile and mean nothing outside this process.
  const features = t.features.map((f) => {
    const tags = f.tags as (BlockPointTags & { cluster?: boolean; cluster_id?: number }) | null | undefined;
    const out: TileClusterProps = { count: tags?.count ?? 1, parcels: tags?.parcels ?? 0, areaM2: tags?.areaM2 ?? 0 };
    if (tags?.cluster && tags.cluster_id !== undefined) out.expand = m.clusters.getClusterExpansionZoom(tags.cluster_id);
    else if (tags?.block) out.block = tags.block;
    return { ...f, id: undefined, tags: out };
  });
  return { features };
}

/** The encoded tile; an empty Uint8Array (a valid tile with no layers) where nothing matches. */
export function encodeLandTile(data: TileData, m: TileMatches, page: PageRange, tile: TileCoord): Uint8Array {
  const layer = tile.z >= POLYGON_MIN_ZOOM ? parcelLayer(data, m, page, tile) : clusterLayer(m, tile);
  if (!layer) return new Uint8Array(0);
  const name = tile.z >= POLYGON_MIN_ZOOM ? PARCEL_LAYER : CLUSTER_LAYER;
  return fromGeojsonVt({ [name]: layer } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT });
}
