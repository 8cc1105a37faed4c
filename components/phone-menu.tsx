"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "@/i18n/navigation";

/**
 * The header's menu on a phone: a <details> disclosure, so it opens without JavaScript and is
 * a labelled, keyboard-operable control. With JavaScript, links navigate inside the app and the
 * header stays mounted; closing the menu on each new page keeps it from covering that page.
 */
export function PhoneMenu({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details ref={ref} className="group relative sm:hidden" data-testid="phone-menu">
      <summary className="cursor-pointer list-none rounded-md border border-stone-300 px-3 py-1 hover:border-brand-600 [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden className="ml-1 inline-block group-open:rotate-180">▾</span>
      </summary>
      {children}
    </details>
  );
}
