// A real SMTP server in the test process (smtp-server): what the outbox delivers arrives here.
import { SMTPServer } from "smtp-server";
import { freePort } from "../../setup/free-port";

export interface Received {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  port: number;
  /** every message received, in order (empty it between tests) */
  received: Received[];
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
