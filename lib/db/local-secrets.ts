// Random local secrets, made once and kept in a git-ignored file (mode 0600) beside the
// embedded database's folder: the session secret and IP salt of a local `npm start`, and the
// embedded PostgreSQL's superuser password. Deployments set their own (docker-compose.yml).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type LocalSecretName = "NEXTAUTH_SECRET" | "IP_HASH_SALT" | "EMBEDDED_PG_PASSWORD";

/** The secrets file for an embedded database folder: `.data/postgres` -> `.data/local-secrets.json`. */
export function localSecretsFile(embeddedPgDir: string): string {
  return path.join(path.dirname(path.resolve(embeddedPgDir)), "local-secrets.json");
}

export function readLocalSecrets(file: string): Partial<Record<LocalSecretName, string>> {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Record<LocalSecretName, string>>;
}

/** The named secrets from `file`, generating (and saving) any that are missing. */
export function localSecrets<K extends LocalSecretName>(file: string, names: readonly K[]): Record<K, string> {
  const secrets = readLocalSecrets(file);
  const missing = names.filter((name) => !secrets[name]);
  if (missing.length) {
    for (const name of missing) secrets[name] = randomBytes(name === "IP_HASH_SALT" ? 16 : 32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole to a temporary file and renamed: a reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(secrets), { mode: 0o600 });
    fs.renameSync(temp, file);
  }
  fs.chmodSync(file, 0o600);
  return secrets as Record<K, string>;
}
