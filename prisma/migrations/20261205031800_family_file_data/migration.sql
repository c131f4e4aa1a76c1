-- What the family file needs on every installation, not only the demo:
-- the diets the canteen usually serves (staff edit the list), the
-- document types of the health file, and the request type through which
-- staff see a child's allergies or PAI before they apply. Apart from the
-- schema migration because PostgreSQL refuses a new enum value in the
-- transaction that added it.

INSERT INTO "Diet" (id, label, "sortOrder") VALUES
  ('diet_sans_porc', 'Sans porc', 0),
  ('diet_vegetarien', 'Végétarien', 1),
  ('diet_sans_gluten', 'Sans gluten', 2),
  ('diet_sans_lactose', 'Sans lactose', 3)
ON CONFLICT (label) DO NOTHING;

INSERT INTO "DocumentType" (id, code, label, description, "sortOrder", "validityMonths") VALUES
  ('doctype_pai', 'PAI', 'Projet d''accueil individualisé (PAI)', 'Le PAI signé par le médecin scolaire, pour l''année scolaire.', 90, 12),
  ('doctype_vaccins', 'VACCINS', 'Carnet de vaccination', 'La page des vaccinations du carnet de santé.', 91, NULL)
ON CONFLICT (code) DO NOTHING;

INSERT INTO "RequestType" (id, code, label, description, service, action, fields, "needsMember", active, "sortOrder") VALUES
  ('reqtype_sante', 'SANTE', 'Santé : allergies et PAI', 'Les allergies et le PAI d''un enfant, vus par le service avant de s''appliquer.', 'Restauration scolaire', 'HEALTH_UPDATE',
   '[{"name":"allergies","label":"Allergies","type":"textarea","required":false},{"name":"pai","label":"PAI en place (oui / non)","type":"text","required":true},{"name":"paiValidUntil","label":"PAI valable jusqu''au","type":"date","required":false}]',
   true, false, 90)
ON CONFLICT (code) DO NOTHING;
