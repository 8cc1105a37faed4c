// A park's published contact, or none. The demonstration seed once loaded stand-in offices
// (+86 750 000 0000, invest.<park>@example.cn) that investors took for real; a value of that
// shape is never shown, wherever it came from (an old database, a hurried edit): the page points
// to the inquiry form instead.
export interface ParkContact {
  nameZh: string | null;
  nameEn: string | null;
  phone: string | null;
  email: string | null;
}

/** example.com/.net/.org/.cn/… and *.example (RFC 2606 and the seed's own placeholder domain). */
const PLACEHOLDER_EMAIL = /@(?:[^@]*\.)?example(?:\.[a-z]{2,})?$/i;

export function isPlaceholderPhone(phone: string): boolean {
  const digits = phone.replace(/\D/g, "");
  // A subscriber number of zeros (after the country and area codes) is no one's number.
  return digits.length > 0 && /0{7,}$/.test(digits);
}

export function isPlaceholderEmail(email: string): boolean {
  return PLACEHOLDER_EMAIL.test(email.trim());
}

/** The contact as investors may see it: placeholder values dropped; null when nothing real is left. */
export function publicContact(c: ParkContact): ParkContact | null {
  const phone = c.phone && !isPlaceholderPhone(c.phone) ? c.phone : null;
  const email = c.email && !isPlaceholderEmail(c.email) ? c.email : null;
  // A name alone ("Investment Promotion Office") is no way to reach anyone.
  if (!phone && !email) return null;
  return { nameZh: c.nameZh, nameEn: c.nameEn, phone, email };
}
