// Account reads on the app's client, for the sign-in and account pages.
import "server-only";
import { db } from "../db";
import { twoFactorStatus } from "./account";
import { resetLinkState } from "./password-reset";
import { staffIsSetUp } from "./setup";

export const loadTwoFactorStatus = (userId: string) => twoFactorStatus(db(), userId);
export const loadStaffIsSetUp = () => staffIsSetUp(db());
/** What the reset page says before anything is typed (the link's token is the only key). */
export const loadResetLinkState = (token: string) => resetLinkState(db(), token);
