import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";

/** The 8-hex-character login printed for parents ("Identifiant : c3594e0f"). */
export async function newIdentifiant(tx: Tx): Promise<string> {
  for (;;) {
    const candidate = randomBytes(4).toString("hex");
    const taken = await tx.user.findUnique({ where: { identifiant: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
}
