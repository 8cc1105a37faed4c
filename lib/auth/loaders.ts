// Account reads on the app's client, for the sign-in and account pages.
import "server-only";
import { db } from "../db";
import { twoFactorStatus } from "./account";
import { staffIsSetUp } from "./setup";

export const loadTwoFactorStatus = (userId: string) => twoFactorStatus(db(), userId);
export const loadStaffIsSetUp = () => staffIsSetUp(db());
