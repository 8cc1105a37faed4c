// E-mail addresses are stored normalised (User.email): the sign-in form's input is read the same way.
export function normalizeEmail(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}
