import { getTranslations } from "next-intl/server";
import { formatArea } from "@/lib/i18n/format";
import { LARGE_BLOCK_MU, largeBlockSearch, type LandStats } from "@/lib/home/queries";

export async function LiveLandFigures({ locale, land }: { locale: string; land: LandStats }) {
  const t = await getTranslations("home");
  const nf = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US");
  const largeHref = `/${locale}/search?${largeBlockSearch()}`;
  const items = [
    { label: t("liveAvailableArea"), value: formatArea(locale, land.availableAreaM2), testId: "live-area" },
    {
      label: t("liveBlocks", { mu: nf.format(LARGE_BLOCK_MU) }),
      // The label and the figure are the link too: "blocks of 500 mu or more" is what people click.
      href: largeHref,
      value: nf.format(land.largeBlocks),
      testId: "live-large-blocks",
      // The figure is the land search's own count: the link opens exactly the blocks it counts.
      detail: (
        <>
          <span data-testid="live-large-blocks-area">{t("liveBlocksArea", { area: formatArea(locale, land.largeBlocksAreaM2) })}</span>{" "}
          <a href={largeHref} className="text-brand-700 underline">{t("liveBlocksLink")}</a>
        </>
      ),
    },
    { label: t("liveAvailableParcels"), value: nf.format(land.availableParcels), testId: "live-parcels" },
    { label: t("liveParks"), value: nf.format(land.parksWithLand), testId: "live-parks" },
  ];
  return (
    <section aria-labelledby="live-title" className="mx-auto max-w-6xl px-4 pt-10">
      <h2 id="live-title" className="text-xl font-semibold">
        {t("liveTitle")}
      </h2>
      <dl className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {items.map((item) => (
          <div key={item.testId} className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">
              {"href" in item ? <a href={item.href} className="underline decoration-stone-300 hover:text-brand-700" data-testid={`${item.testId}-link`}>{item.label}</a> : item.label}
            </dt>
            <dd className="mt-1 text-xl font-semibold text-brand-700 sm:text-2xl" data-testid={item.testId}>
              {"href" in item ? <a href={item.href} className="hover:underline">{item.value}</a> : item.value}
            </dd>
            {"detail" in item && <dd className="mt-1 text-xs text-stone-600">{item.detail}</dd>}
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-stone-500">{t("liveNote")}</p>
    </section>
  );
}
