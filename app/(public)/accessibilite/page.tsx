import type { Metadata } from "next";
import type { ReactNode } from "react";
import { declarationContact, getDeclaration } from "@/lib/accessibility";
import type { NonAccessibleItem } from "@/lib/accessibility/schemas";
import { CONFORMITY_LABELS, formatRate } from "@/lib/accessibility/status";
import { formatDay } from "@/lib/format";
import { FALLBACK_SETTINGS, getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

/** The model declaration's groups, in its order. */
const GROUPS: { reason: NonAccessibleItem["reason"]; title: string }[] = [
  { reason: "NON_CONFORMITE", title: "Non-conformités" },
  { reason: "CHARGE_DISPROPORTIONNEE", title: "Dérogations pour charge disproportionnée" },
  { reason: "DEROGATION", title: "Dérogations et contenus non soumis à l'obligation d'accessibilité" },
];

const linkClass = "underline [overflow-wrap:anywhere]";

/** "État de conformité" → "etat-de-conformite": the heading's id, which names its section for screen readers. */
const anchor = (title: string) =>
  title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3" aria-labelledby={anchor(title)}>
      <h2 id={anchor(title)} className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-lg font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function List({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * The accessibility declaration of RGAA 4.1's model, every mandatory item in
 * its order, from the structured row staff fill in (status and rate derived
 * from the audit's counts, as the footer mention is).
 */
export default async function AccessibilityPage() {
  const [declaration, settings] = await Promise.all([getDeclaration(), getSettings()]);
  const { status, rate } = declaration.conformity;
  const contact = declarationContact(declaration, settings);
  const audited = declaration.auditDate !== null && rate !== null;
  const site = settings.portalName;
  const extra = settings.accessibility === FALLBACK_SETTINGS.accessibility ? "" : settings.accessibility;
  const paragraphs = extra.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const plans = [
    declaration.multiYearPlanUrl ? { href: declaration.multiYearPlanUrl, label: "Schéma pluriannuel de mise en accessibilité" } : null,
    declaration.actionPlanUrl ? { href: declaration.actionPlanUrl, label: "Plan d'action de l'année en cours" } : null,
  ].filter((plan) => plan !== null);

  return (
    <article className="mx-auto max-w-3xl space-y-8 rounded-lg border border-slate-200 bg-white p-4 leading-relaxed text-slate-800 shadow-sm sm:p-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold text-slate-900">Déclaration d&apos;accessibilité</h1>
        <p>
          {settings.name} s&apos;engage à rendre son service accessible, conformément à l&apos;article 47 de la loi n°
          2005-102 du 11 février 2005.
        </p>
        {plans.length ? (
          <>
            <p>À cette fin, elle met en œuvre la stratégie et les actions suivantes :</p>
            <ul className="list-disc space-y-1 pl-5">
              {plans.map((plan) => (
                <li key={plan.href}>
                  <a className={linkClass} href={plan.href}>
                    {plan.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Le schéma pluriannuel de mise en accessibilité et le plan d&apos;action de l&apos;année ne sont pas encore publiés.</p>
        )}
        <p>Cette déclaration d&apos;accessibilité s&apos;applique au {site}.</p>
      </div>

      <Section title="État de conformité">
        <p>
          Le {site} est <strong>{CONFORMITY_LABELS[status]}</strong> avec le référentiel général d&apos;amélioration de
          l&apos;accessibilité (RGAA), version 4.1
          {status === "TOTAL"
            ? "."
            : audited
              ? ", en raison des non-conformités et des dérogations énumérées ci-dessous."
              : " : il n'a encore fait l'objet d'aucun audit de conformité."}
        </p>
        {rate !== null ? <p>Taux de conformité : {formatRate(rate)} des critères respectés.</p> : null}
        <SubSection title="Résultats des tests">
          {declaration.auditDate && rate !== null ? (
            <>
              <p>
                L&apos;audit de conformité réalisé le {formatDay(declaration.auditDate)} par {declaration.auditor} révèle
                que {formatRate(rate)} des critères du RGAA version 4.1 sont respectés.
              </p>
              <ul className="list-disc space-y-1 pl-5">
                <li>Critères respectés : {declaration.criteriaMet}</li>
                <li>Critères non respectés : {declaration.criteriaNotMet}</li>
                <li>Critères non applicables : {declaration.criteriaNotApplicable}</li>
              </ul>
            </>
          ) : (
            <p>Aucun audit de conformité n&apos;a encore été réalisé.</p>
          )}
        </SubSection>
      </Section>

      <Section title="Contenus non accessibles">
        {declaration.nonAccessible.length ? (
          <>
            <p>Les contenus listés ci-dessous ne sont pas accessibles pour les raisons suivantes.</p>
            {GROUPS.map(({ reason, title }) => {
              const items = declaration.nonAccessible.filter((item) => item.reason === reason);
              if (items.length === 0) return null;
              return (
                <SubSection key={reason} title={title}>
                  <ul className="list-disc space-y-3 pl-5">
                    {items.map((item, i) => (
                      <li key={i}>
                        <p className="font-semibold">{item.content}</p>
                        {item.detail ? <p className="whitespace-pre-line">{item.detail}</p> : null}
                        {item.alternative ? <p className="whitespace-pre-line">Alternative : {item.alternative}</p> : null}
                      </li>
                    ))}
                  </ul>
                </SubSection>
              );
            })}
          </>
        ) : (
          <p>Aucun contenu non accessible n&apos;est signalé.</p>
        )}
      </Section>

      <Section title="Établissement de cette déclaration">
        <p>
          {declaration.establishedOn
            ? `Cette déclaration a été établie le ${formatDay(declaration.establishedOn)}.`
            : "Cette déclaration n'a pas encore été établie."}
        </p>
        <SubSection title="Technologies utilisées pour la réalisation du portail">
          <List items={declaration.technologies} empty="Non renseignées." />
        </SubSection>
        <SubSection title="Environnement de test">
          <p>Les vérifications de restitution de contenus ont été réalisées avec les navigateurs et technologies d&apos;assistance suivants :</p>
          <List items={declaration.testEnvironment} empty="Non renseigné." />
        </SubSection>
        <SubSection title="Outils pour évaluer l'accessibilité">
          <List items={declaration.tools} empty="Non renseignés." />
        </SubSection>
        <SubSection title="Pages du site ayant fait l'objet de la vérification de conformité">
          {declaration.pagesAudited.length ? (
            <ol className="list-decimal space-y-1 pl-5">
              {declaration.pagesAudited.map((page, i) => (
                <li key={i}>
                  <a className={linkClass} href={page.url}>
                    {page.title}
                  </a>{" "}
                  <span className="text-sm text-slate-600 [overflow-wrap:anywhere]">({page.url})</span>
                </li>
              ))}
            </ol>
          ) : (
            <p>Aucune page n&apos;a encore été vérifiée.</p>
          )}
        </SubSection>
      </Section>

      <Section title="Retour d'information et contact">
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du {site}{" "}
          pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
        </p>
        <ul className="list-disc space-y-2 pl-5">
          {contact.email ? (
            <li>
              Envoyer un message :{" "}
              <a className={linkClass} href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </li>
          ) : null}
          <li>
            Écrire à :
            <address className="whitespace-pre-line not-italic">{contact.address}</address>
          </li>
          {declaration.contactFormUrl ? (
            <li>
              <a className={linkClass} href={declaration.contactFormUrl}>
                Formulaire de contact
              </a>
            </li>
          ) : null}
        </ul>
      </Section>

      <Section title="Voies de recours">
        <p>
          Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du {site} un défaut
          d&apos;accessibilité qui vous empêche d&apos;accéder à un contenu ou à un des services du portail et vous
          n&apos;avez pas obtenu de réponse satisfaisante.
        </p>
        <p>Vous pouvez :</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <a className={linkClass} href="https://formulaire.defenseurdesdroits.fr/">
              Écrire un message au Défenseur des droits
            </a>
          </li>
          <li>
            <a className={linkClass} href="https://www.defenseurdesdroits.fr/saisir/delegues">
              Contacter le délégué du Défenseur des droits dans votre région
            </a>
          </li>
          <li>
            Appeler le Défenseur des droits au{" "}
            <a className={linkClass} href="tel:+33969390000">
              09 69 39 00 00
            </a>
          </li>
          <li>
            Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :
            <address className="not-italic">
              Défenseur des droits
              <br />
              Libre réponse 71120
              <br />
              75342 Paris CEDEX 07
            </address>
          </li>
        </ul>
      </Section>

      {paragraphs.length ? (
        <Section title="Informations complémentaires">
          {paragraphs.map((p, i) => (
            <p key={i} className="whitespace-pre-line">
              {p}
            </p>
          ))}
        </Section>
      ) : null}
    </article>
  );
}
