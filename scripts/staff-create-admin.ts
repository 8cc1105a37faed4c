// npm run staff:create-admin -- --email a@b.cn --name "王芳" [--locale zh|en] [--generate]
// Creates a deployment's first (or another) admin on DATABASE_URL (or the embedded database).
// The password is read from standard input (piped, or typed twice at a prompt without echo);
// --generate makes a strong one and prints it once. The policy of the whole portal applies.
// The admin sets up two-factor sign-in at their first sign-in (required for admins).
import { randomBytes } from "node:crypto";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/client";
import { DatabaseUnavailableError, openDatabase } from "../lib/db/bootstrap";
import { migrate, MigrationError } from "../lib/db/migrate";
import { EnvError } from "../lib/env";
import { createAdmin, StaffAccountError } from "../lib/auth/staff-accounts";

const USAGE = 'usage: npm run staff:create-admin -- --email you@example.cn --name "Your Name" [--locale zh|en] [--generate]\n(the password is read from standard input, or --generate prints a new one)';

/** 24 random bytes as base64url: 32 characters, about 192 bits. */
export const generatePassword = (): string => randomBytes(24).toString("base64url");

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    out._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await ask("Password for the new admin: ");
  const second = await ask("The same password again: ");
  if (first !== second) throw new StaffAccountError("The two passwords differ.");
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, locale: { type: "string" }, generate: { type: "boolean" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help || !values.email || !values.name) throw new StaffAccountError(USAGE);
  if (values.locale && !["zh", "en"].includes(values.locale)) throw new StaffAccountError("--locale is zh or en.");
  const password = values.generate ? generatePassword() : await readPassword();
  const database = await openDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 2);
    try {
      const admin = await createAdmin(prisma, { email: values.email, name: values.name, password, locale: values.locale });
      console.log(`Created the admin ${admin.email}. They set up two-factor sign-in (an authenticator app) at their first sign-in.`);
      if (values.generate) console.log(`Password (shown only now, keep it somewhere safe): ${password}`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const expected = error instanceof StaffAccountError || error instanceof DatabaseUnavailableError || error instanceof MigrationError || error instanceof EnvError;
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});
