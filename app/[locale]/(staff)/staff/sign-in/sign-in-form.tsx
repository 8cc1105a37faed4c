"use client";

// The sign-in form, through next-auth's Credentials provider (signIn with redirect: false, so
// every refusal comes back here with what was typed kept). A refusal's code names the outcome
// (lib/auth/sign-in-errors.ts); "totp-required" turns the form into its second step.
import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { parseSignInError, type SignInErrorKind } from "@/lib/auth/sign-in-errors";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staff.auth.signIn");
  const format = useFormatter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"password" | "code">("password");
  const [error, setError] = useState<{ kind: SignInErrorKind; retryAt?: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === "code") codeRef.current?.focus();
  }, [step]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, email, password, code: step === "code" ? code : "" });
      if (result?.ok && !result.error) {
        // A full load: the staff pages read the new cookie on the server.
        window.location.assign(callbackUrl);
        return;
      }
      const refusal = parseSignInError(result?.error);
      if (refusal.kind === "totp-required") {
        setStep("code");
        return;
      }
      setError(refusal);
      if (refusal.kind === "bad-totp") {
        setCode("");
        codeRef.current?.focus();
      } else if (refusal.kind === "bad-credentials") {
        setPassword("");
        setStep("password");
        passwordRef.current?.focus();
      }
    } catch {
      setError({ kind: "unavailable" });
    } finally {
      setBusy(false);
    }
  }

  const message = error
    ? error.kind === "limited"
      ? error.retryAt
        ? t("errors.limited", { time: format.dateTime(error.retryAt, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: CHINA_TIME_ZONE }) })
        : t("errors.limitedSoon")
      : t(`errors.${error.kind}`)
    : null;

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate data-testid="sign-in-form">
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sign-in-error" data-kind={error?.kind}>
          {message}
        </p>
      )}
      {step === "password" ? (
        <>
          <label className="block text-sm font-medium">
            {t("email")}
            <input className={input} type="email" name="email" autoComplete="username" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          </label>
          <label className="block text-sm font-medium">
            {t("password")}
            <input ref={passwordRef} className={input} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
            {busy ? t("working") : t("submit")}
          </button>
        </>
      ) : (
        <>
          <p className="text-sm font-medium text-brand-900">{t("codeStep")}</p>
          <p className="text-sm text-stone-600">{t("codeFor", { email })}</p>
          <label className="block text-sm font-medium">
            {t("code")}
            <input ref={codeRef} className={`${input} tracking-widest`} type="text" name="code" autoComplete="one-time-code" inputMode="text" maxLength={32} required value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="code-hint" />
          </label>
          <p id="code-hint" className="text-sm text-stone-600">{t("codeHint")}</p>
          <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
            {busy ? t("working") : t("verify")}
          </button>
          <button type="button" className="w-full text-sm text-brand-700 underline" onClick={() => { setStep("password"); setCode(""); setPassword(""); setError(null); }}>
            {t("back")}
          </button>
        </>
      )}
    </form>
  );
}
