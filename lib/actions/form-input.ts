// FormData -> the plain input an action's schema reads, for the pages' "use server" wrappers.
// Repeated keys become arrays; `lists` are multi-valued fields (checkboxes) that are always
// arrays, empty when nothing was ticked (an unticked box sends nothing at all). Next's own
// $ACTION keys and file parts are dropped.
export type FormValues = Record<string, string | string[]>;

export function formInput(form: FormData, lists: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  for (const key of lists) out[key] = form.getAll(key).filter((v): v is string => typeof v === "string");
  return out;
}
