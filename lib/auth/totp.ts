// Two-factor sign-in: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app
// reads) and one-time recovery codes. The TOTP secret is stored encrypted (AES-256-GCM, key
// derived from the session secret), recovery codes only as keyed hashes.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { authSecret } from "./session-token";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
export const TOTP_TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = "Jiangmen Investment Portal";
export const RECOVERY_CODE_COUNT = 10;

/** `secret` defaults to this process's session secret; a script preparing the app's data passes the app's. */
function key(purpose: string, secret = authSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "jiangmen-portal", purpose, 32));
}

/** AES-256-GCM; `bind` (the user id) is authenticated too, so a sealed value cannot be moved to another account. */
export function seal(plain: string, purpose: string, bind: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose, secret), iv);
  cipher.setAAD(Buffer.from(bind));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain text, or null for anything tampered, foreign or malformed. */
export function unseal(sealed: string | null | undefined, purpose: string, bind: string): string | null {
  if (!sealed?.startsWith("v1.") || sealed.length > 4096) return null;
  try {
    const raw = Buffer.from(sealed.slice(3), "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(bind));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export const encryptTotpSecret = (secret: string, userId: string, sessionSecret?: string) => seal(secret, "totp-secret", userId, sessionSecret);
export const decryptTotpSecret = (stored: string | null, userId: string) => unseal(stored, "totp-secret", userId);

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommendation). */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** What a typed code looks like: 6 digits once spaces are taken out. */
export const normalizeTotpInput = (code: string): string => code.replace(/[\s-]/g, "");
export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(normalizeTotpInput(code));

/**
 * The time step the code matches (within one step either side) and that is later than
 * `afterStep` (replay: a code already used, or an older one, is refused), or null.
 */
export async function matchTotp(secret: string, code: string, at: Date, afterStep?: number | null): Promise<number | null> {
  const token = normalizeTotpInput(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(at.getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(afterStep == null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown
// as xxxxx-xxxxx: about 48 bits each, and only an HMAC of the code is stored.
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** As typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "");
export const looksLikeRecoveryCode = (code: string): boolean => /^[2-9a-hj-km-np-z]{10}$/.test(normalizeRecoveryCode(code));

export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", key("recovery-code")).update(normalizeRecoveryCode(code)).digest("hex");
}
