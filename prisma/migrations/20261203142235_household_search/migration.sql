-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Accent- and case-insensitive household search without the unaccent
-- extension (PGlite lacks it). Keep these strings identical to
-- lib/households/search-text.ts (a test compares the two). Only ASCII is
-- lower-cased here, as in that file, so the result does not depend on the
-- database's locale: accented capitals are mapped to plain lower case.
CREATE FUNCTION search_normalize(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT translate(
    replace(replace(replace(replace(
      translate(t, 'àâäáãåÀÂÄÁÃÅçćÇĆéèêëÉÈÊËîïíìÎÏÍÌñÑôöóòõøÔÖÓÒÕØùûüúÙÛÜÚÿýŸÝ', 'aaaaaaaaaaaacccceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyyy'),
      'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;

-- The database writes searchText on every insert and update, whichever code
-- path (domain function, seed, test factory, SQL) wrote the names.
-- The trigger bodies spell their semicolons \073 inside E'' strings: on
-- PostgreSQL the migration runs through the driver adapter, which splits the
-- script at every semicolon, even one inside a function body.
CREATE FUNCTION household_search_text() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."searchText" := coalesce(search_normalize(NEW."name"), '''')\073 RETURN NEW\073 END';

CREATE TRIGGER household_search_text BEFORE INSERT OR UPDATE ON "Household"
  FOR EACH ROW EXECUTE FUNCTION household_search_text();

CREATE FUNCTION person_search_text() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."searchText" := coalesce(search_normalize(NEW."firstName" || '' '' || NEW."lastName"), '''')\073 RETURN NEW\073 END';

CREATE TRIGGER person_search_text BEFORE INSERT OR UPDATE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION person_search_text();

-- Backfill the rows that exist already.
UPDATE "Household" SET "searchText" = search_normalize("name");
UPDATE "Person" SET "searchText" = search_normalize("firstName" || ' ' || "lastName");
