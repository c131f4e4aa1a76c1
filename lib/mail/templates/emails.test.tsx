import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import {
  AccountAlreadyExistsEmail,
  AccountRejectedEmail,
  AccountVerifiedEmail,
  EmailLayout,
  PasswordChangedEmail,
  PasswordResetEmail,
  PREVIEW_SETTINGS,
  RegistrationConfirmEmail,
  StaffInvitationEmail,
} from "./index";

describe("email templates", () => {
  it("render their preview props with the authority's footer", async () => {
    const previews: ReactElement[] = [
      <RegistrationConfirmEmail key="1" {...RegistrationConfirmEmail.PreviewProps} />,
      <AccountAlreadyExistsEmail key="2" {...AccountAlreadyExistsEmail.PreviewProps} />,
      <PasswordResetEmail key="3" {...PasswordResetEmail.PreviewProps} />,
      <AccountVerifiedEmail key="4" {...AccountVerifiedEmail.PreviewProps} />,
      <AccountRejectedEmail key="5" {...AccountRejectedEmail.PreviewProps} />,
      <StaffInvitationEmail key="6" {...StaffInvitationEmail.PreviewProps} />,
      <PasswordChangedEmail key="7" {...PasswordChangedEmail.PreviewProps} />,
    ];
    for (const preview of previews) {
      const text = await render(preview, { plainText: true });
      expect(text).toContain("ZAE L'Audacieuse");
      expect(text).toContain("04 67 36 07 51");
      expect(text).toContain("jeunesse@avant-monts.fr");
      expect(text).not.toContain("désinscrire");
    }
  });

  it("say what each message needs to say", async () => {
    const text = async (el: ReactElement) => render(el, { plainText: true });
    expect(await text(<PasswordResetEmail {...PasswordResetEmail.PreviewProps} />)).toMatch(
      /valable 1 heure[\s\S]*Si vous n'êtes pas à l'origine de cette demande, ignorez ce message\./,
    );
    expect(await text(<StaffInvitationEmail {...StaffInvitationEmail.PreviewProps} />)).toContain("valable 72 heures");
    expect(await text(<AccountVerifiedEmail {...AccountVerifiedEmail.PreviewProps} />)).toContain("c3594e0f");
    expect(await text(<AccountRejectedEmail {...AccountRejectedEmail.PreviewProps} />)).toContain("illisible");
    for (const email of [<AccountRejectedEmail key="r" {...AccountRejectedEmail.PreviewProps} />, <PasswordChangedEmail key="p" {...PasswordChangedEmail.PreviewProps} />]) {
      expect((await text(email)).replace(/\s+/g, " ")).toMatch(/le service au 04 67 36 07 51 ou par mail à jeunesse@avant-monts\.fr(\s*<[^>]*>)?\s*\./);
    }
    const already = await text(<AccountAlreadyExistsEmail {...AccountAlreadyExistsEmail.PreviewProps} />);
    expect(already).toContain("mais vous avez déjà un compte");
    expect(already).toContain("/mot-de-passe/oublie");
  });

  it("adds the unsubscribe line only when given a link", async () => {
        const html = await render(
      <EmailLayout settings={PREVIEW_SETTINGS} preview="x" unsubscribeUrl="https://famille.exemple.fr/desinscription?t=1">
        <p>Contenu</p>
      </EmailLayout>,
    );
    expect(html).toContain("vous pouvez toutefois");
    expect(html).toContain("Désinscription");
    expect(html).toContain('href="https://famille.exemple.fr/desinscription?t=1"');
  });
});
