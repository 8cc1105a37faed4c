"use client";
// Opens the browser's print dialog (the page's print stylesheet fits the table on A4 landscape).
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-stone-300 px-4 py-2 text-sm font-medium text-stone-700 hover:bg-stone-50 print:hidden">
      {label}
    </button>
  );
}
