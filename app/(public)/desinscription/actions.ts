"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { unsubscribeFromReminders, unsubscribeFromServiceEmails } from "@/lib/mail/unsubscribe";

const UnsubscribeSchema = z.object({
  u: z.string().min(1).max(100),
  s: z.string().min(1).max(200),
  k: z.enum(["service", "rappels"]).default("service"),
});

const INVALID_LINK = "Ce lien de désinscription n'est pas valide : utilisez le lien du dernier mail reçu.";

/** What each link turned off; the page says how to undo it. */
const DONE = {
  service:
    "Les e-mails du service sont désactivés : vous ne recevrez plus d'e-mail quand un document ou une démarche est traité, ni quand vous commencez un paiement en ligne.",
  rappels:
    "Les rappels par e-mail sont désactivés (date limite de réservation, réservation en attente de paiement).",
} as const;

/** Works without signing in: the signed link is the proof. */
export const unsubscribeAction = defineAction(
  {
    role: "public",
    schema: UnsubscribeSchema,
    // Whatever was wrong with the link, the page says one thing.
    finish: (state) => (state.status === "error" && !state.message?.startsWith("Ce lien") ? { status: "error", message: INVALID_LINK } : state),
  },
  async ({ input: { u, s, k } }) => {
    const unsubscribe = k === "rappels" ? unsubscribeFromReminders : unsubscribeFromServiceEmails;
    const done = await unsubscribe({ userId: u, signature: s });
    if (!done) return { status: "error", message: INVALID_LINK };
    return { status: "success", message: DONE[k] };
  },
);
