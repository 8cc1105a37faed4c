// The staff page's reads on the app's client: pages never hold the database client themselves.
import "server-only";
import { db } from "../db";
import { listParkOptions, listStaff } from "./queries";

export const loadStaffPage = async () => {
  const [staff, parks] = await Promise.all([listStaff(db()), listParkOptions(db())]);
  return { ...staff, parks };
};
