// The refusal of a sign-in as it travels through next-auth to the form (the `error` of
// signIn()): a short code, plus for "limited" the time the limit lifts.
export type SignInErrorKind = "bad-credentials" | "limited" | "totp-required" | "bad-totp" | "unavailable";

export function signInErrorCode(result: { error: string; retryAt?: Date }): string {
  return result.error === "limited" && result.retryAt ? `limited:${result.retryAt.toISOString()}` : result.error;
}

export function parseSignInError(raw: string | null | undefined): { kind: SignInErrorKind; retryAt?: Date } {
  if (!raw) return { kind: "unavailable" };
  const [kind, at] = raw.split(/:(.*)/s);
  if (kind === "limited") {
    const retryAt = at ? new Date(at) : undefined;
    return { kind, retryAt: retryAt && !Number.isNaN(retryAt.getTime()) ? retryAt : undefined };
  }
  if (kind === "bad-credentials" || kind === "totp-required" || kind === "bad-totp") return { kind };
  // CredentialsSignin, a CSRF refusal, a database that did not answer: try again.
  return { kind: "unavailable" };
}
