import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { ReminderDeadlineEmail, ReminderHoldEmail, reminderDeadlineSubject, reminderHoldSubject } from "./index";

describe("reminder emails", () => {
  it("greet the parent, say what is due and when, and carry the reminders' Désinscription link", async () => {
    const deadline = await render(<ReminderDeadlineEmail {...ReminderDeadlineEmail.PreviewProps} />, { plainText: true });
    expect(deadline).toContain("Bonjour Claire,");
    expect(deadline.replace(/\s+/g, " ")).toContain(
      "Les réservations « Repas cantine » de la semaine du 18 janvier ferment le jeudi 14 janvier à 10:00. Aucun jour n'est encore réservé cette semaine-là pour Emma et Lucas.",
    );
    expect(deadline).toMatch(/Portail Famille — Communauté de communes Les Avant-Monts/i);
    expect(deadline.replace(/\s+/g, " ")).toContain("Vous recevez ce rappel parce que vous l'avez demandé dans Mon espace");
    expect(deadline).toMatch(/Désinscription[\s\S]*k=rappels/);
    expect(reminderDeadlineSubject(ReminderDeadlineEmail.PreviewProps)).toBe(
      "Réservations de la semaine du 18 janvier (Repas cantine) : date limite le jeudi 14 janvier à 10:00",
    );

    const hold = await render(<ReminderHoldEmail {...ReminderHoldEmail.PreviewProps} />, { plainText: true });
    expect(hold.replace(/\s+/g, " ")).toContain("Votre réservation (facture N° 9577, 8,00 €) n'est pas encore payée. Les places sont gardées jusqu'à 10:15");
    expect(hold).toContain("/demandes/reservation/attente/demo");
    expect(hold).toMatch(/Désinscription[\s\S]*k=rappels/);
    expect(reminderHoldSubject(ReminderHoldEmail.PreviewProps)).toBe("Réservation en attente de paiement (facture N° 9577) : à payer avant 10:15");
  });
});
