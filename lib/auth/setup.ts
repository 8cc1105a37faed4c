// Whether staff sign-in can work at all: it needs one active admin (made by
// `npm run staff:create-admin`, or the development seed). Until then the staff pages say so
// instead of showing a sign-in form nobody can use.
import type { DbClient } from "../db/client";

export async function staffIsSetUp(client: DbClient): Promise<boolean> {
  const admin = await client.user.findFirst({ where: { role: "ADMIN", disabled: false }, select: { id: true } });
  return admin !== null;
}
