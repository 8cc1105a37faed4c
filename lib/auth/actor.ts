// Who is acting: the signed-in staff member as the database says they are right now.
import type { Role } from "../generated/prisma/enums";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  /** StaffSession.id: sign-out ends this one */
  sessionId: string;
  /** the parks this person answers for (officers; admins see everything anyway) */
  parkIds: string[];
  /**
   * An admin signed in with a password who has not set up two-factor yet: may only reach the
   * enrolment page and its actions (lib/auth/permissions.ts twoFactorBlocks). Absent: false.
   */
  twoFactorPending?: boolean;
}
