// Where each Prisma client connects, for the few readers that stream past Prisma (COPY of the
// land index: a million rows as Prisma objects cost seconds and hundreds of MB before use).
// No imports, so the error guard and the client factory can both use it.

export interface ConnectionSettings {
  connectionString: string;
  /** pool size, timeouts (see ClientOptions in client.ts) */
  options: { connectTimeoutMs?: number; statementTimeoutMs?: number };
}

const connections = new WeakMap<object, ConnectionSettings>();

export function rememberConnection(client: object, connectionString: string, options: ConnectionSettings["options"]): void {
  connections.set(client, { connectionString, options });
}

/** The URL and options a client was created with (undefined for a client made elsewhere). */
export function connectionOf(client: object): ConnectionSettings | undefined {
  return connections.get(client);
}

/** A wrapper of a client (a query extension) connects where the client does. */
export function sameConnection(wrapper: object, client: object): void {
  const c = connections.get(client);
  if (c) connections.set(wrapper, c);
}
