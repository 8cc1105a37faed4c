// Any path under a locale that no route matches: the localized 404 page (next-intl's way to
// give unknown paths the locale layout instead of Next's bare default).
import { notFound } from "next/navigation";

export default function CatchAll() {
  notFound();
}
