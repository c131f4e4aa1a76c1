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

/** What each link turned off, and how to undo it. */
const DONE = {
  service:
    "Vous ne recevrez plus les mails du service (documents et demandes traités). Les mails liés à votre compte et à vos paiements continueront de vous parvenir.",
  rappels:
    "Vous ne recevrez plus les rappels par e-mail (date limite de réservation, réservation en attente de paiement). Pour les recevoir à nouveau, cochez « Recevoir des rappels par e-mail » dans Mon Espace.",
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
