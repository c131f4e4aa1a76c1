import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { signOutEverywhereAction } from "@/lib/auth/actions";

/** Ends every session of the account, this one included (a lost phone, a shared computer). */
export function SignOutEverywhere() {
  return (
    <Card title="Sécurité du compte">
      <p className="text-slate-700">
        Un téléphone perdu, un ordinateur partagé ? Vous pouvez fermer toutes les sessions ouvertes avec votre compte,
        y compris celle-ci.
      </p>
      <form action={signOutEverywhereAction} className="mt-4 space-y-3">
        <p className="text-sm text-slate-700">
          Après confirmation, chaque appareil devra se reconnecter avec votre identifiant et votre mot de passe.
        </p>
        <button type="submit" className={buttonClass("secondary")}>
          Se déconnecter de tous les appareils
        </button>
      </form>
    </Card>
  );
}
