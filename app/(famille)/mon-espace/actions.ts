"use server";

import { revalidatePath } from "next/cache";
import { defineAction, defineInputAction } from "@/lib/actions";
import { AddDocumentSchema, addDocument, discardUnclaimedUploads } from "@/lib/documents";
import { ContactSchema, EmailChangeSchema, requestEmailChange, updateOwnContact } from "@/lib/families/account";
import { CreateFeedSchema, RevokeFeedSchema, createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar-feed";
import { ServiceEmailsSchema, setServiceEmails } from "@/lib/mail/unsubscribe";
import { RemindersOptInSchema, setRemindersOptIn } from "@/lib/reminders";

/** "+ Ajouter un autre fichier" and "Écraser le fichier..": the file is already uploaded, this attaches it. */
export const addDocumentAction = defineInputAction(
  {
    role: "parent",
    schema: AddDocumentSchema,
    finish: async (state, input) => {
      if (state.status === "error") {
        const { fileId, claim } = (input ?? {}) as { fileId?: unknown; claim?: unknown };
        if (typeof fileId === "string" && typeof claim === "string") await discardUnclaimedUploads([{ fileId, claim }]);
      }
      return state;
    },
  },
  async ({ input: { typeId, personId, fileId, claim, replacesId }, user }) => {
    await addDocument({ actor: { id: user.id, householdId: user.householdId }, typeId, personId, upload: { fileId, claim }, replacesId });
    revalidatePath("/mon-espace", "layout");
    revalidatePath("/accueil");
    return { status: "success", message: "Le fichier a été envoyé au service : il est en attente de validation." };
  },
);

export const updateContactAction = defineAction({ role: "parent", schema: ContactSchema }, async ({ input: { phone, mobile }, user }) => {
  await updateOwnContact({ userId: user.id, phone, mobile });
  revalidatePath("/mon-espace", "layout");
  return { status: "success", message: "Vos numéros de téléphone sont enregistrés." };
});

export const requestEmailChangeAction = defineAction({ role: "parent", schema: EmailChangeSchema }, async ({ input: { email }, user }) => {
  await requestEmailChange({ userId: user.id, email });
  return {
    status: "success",
    message: `Un mail de confirmation a été envoyé à ${email.trim().toLowerCase()} : votre adresse changera quand vous aurez suivi son lien.`,
  };
});

/** "Créer un lien d'agenda": the address is in the answer, and nowhere else ever again. */
export const createCalendarFeedAction = defineAction({ role: "parent", schema: CreateFeedSchema }, async ({ input: { label }, user }) => {
  const feed = await createCalendarFeed({ actor: { id: user.id, householdId: user.householdId }, label });
  revalidatePath("/mon-espace");
  return {
    status: "success",
    message: `Le lien « ${label} » est créé. Copiez-le maintenant : il ne sera plus affiché.`,
    values: { url: feed.url, webcalUrl: feed.webcalUrl },
  };
});

export const revokeCalendarFeedAction = defineAction({ role: "parent", schema: RevokeFeedSchema }, async ({ input: { feedId }, user }) => {
  await revokeCalendarFeed({ householdId: user.householdId, feedId });
  revalidatePath("/mon-espace");
  return { status: "success", message: "Le lien est révoqué : l'agenda qui l'utilisait ne recevra plus vos réservations." };
});

export const updateRemindersAction = defineAction({ role: "parent", schema: RemindersOptInSchema }, async ({ input, user }) => {
  const optIn = input.remindersOptIn === "on";
  await setRemindersOptIn({ userId: user.id, optIn });
  revalidatePath("/mon-espace");
  return {
    status: "success",
    message: optIn
      ? "C'est noté : vous recevrez un rappel par e-mail avant chaque date limite de réservation et avant la fin d'une réservation en attente de paiement."
      : "C'est noté : vous ne recevrez plus de rappels par e-mail.",
  };
});

/** "E-mails du service": ticking the box again is the way back after a Désinscription link. */
export const updateServiceEmailsAction = defineAction({ role: "parent", schema: ServiceEmailsSchema }, async ({ input, user }) => {
  const receive = input.serviceEmails === "on";
  await setServiceEmails({ userId: user.id, receive });
  revalidatePath("/mon-espace");
  return {
    status: "success",
    message: receive
      ? "C'est noté : vous recevrez à nouveau les e-mails du service."
      : "C'est noté : vous ne recevrez plus les e-mails du service. Le résultat de vos paiements vous est toujours envoyé.",
  };
});
