// The key under a map or site plan: a swatch per colour the picture uses, plus a note.
export interface LegendItem {
  colour: string;
  label: string;
  /** how the colour appears on the map: an area, a line (outline) or a dot */
  shape?: "fill" | "line" | "dot";
}

const SWATCH = { fill: "h-3 w-3 rounded-sm", line: "h-1 w-4", dot: "h-3 w-3 rounded-full" };

export function MapLegend({ title, items, note }: { title: string; items: LegendItem[]; note?: string }) {
  return (
    // .map-legend: hidden after a map that could not draw (app/globals.css).
    <div className="map-legend mt-2 text-xs text-stone-600" data-testid="map-legend">
      <span className="font-medium">{title}: </span>
      {items.map((item) => (
        <span key={item.label} className="mr-3 inline-flex items-center gap-1">
          <span aria-hidden className={`inline-block ${SWATCH[item.shape ?? "fill"]}`} style={{ background: item.colour }} />
          {item.label}
        </span>
      ))}
      {note && <span className="block pt-1 text-stone-500">{note}</span>}
    </div>
  );
}
