import type { Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Who may do something: the one vocabulary shared by pages (`requireRole`),
 * actions (`defineAction({ role })`) and domain functions (`assertActor`).
 * "user" is any signed-in account; "parent" a checked parent linked to a
 * household; "staff" the service's staff and administrators; "admin" only
 * administrators.
 */
export type Access = "user" | "parent" | "staff" | "admin";

/** Whether an account's role grants `access` (status is the DAL's business). */
export function roleGrants(role: Role, access: Access): boolean {
  switch (access) {
    case "user":
      return true;
    case "parent":
      return role === "PARENT";
    case "staff":
      return role === "STAFF" || role === "ADMIN";
    case "admin":
      return role === "ADMIN";
    default:
      // An access this file does not know grants nothing.
      return false;
  }
}

const REFUSALS: Record<"staff" | "admin", string> = {
  staff: "Cette action est réservée au personnel du service.",
  admin: "Cette action est réservée à un administrateur.",
};

/**
 * The domain's own check, for functions that change what staff own
 * (catalogue, calendar, households, money): whoever calls them, a page, a
 * script or a test, must say who acts, and a parent's id never passes.
 */
export function assertActor(actor: { role: Role }, access: "staff" | "admin", message = REFUSALS[access]): void {
  if (!roleGrants(actor.role, access)) throw new AppError("FORBIDDEN", message);
}
