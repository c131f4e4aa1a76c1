-- The identity document sent at registration now becomes the person's
-- validated "Pièce d'identité" when staff verify the account
-- (lib/accounts/review.ts). Accounts verified before that get theirs here,
-- reviewed by whoever linked the account (from the audit journal) at the
-- time of the decision. The document shares the account's stored file: a
-- file that already backs a document is left alone, so this runs safely on
-- any database, and does nothing where the "IDENTITE" type does not exist.
INSERT INTO "Document" (
    "id", "householdId", "personId", "typeId", "fileId", "status",
    "reviewedById", "reviewedAt", "createdById", "createdAt"
)
SELECT
    gen_random_uuid()::text,
    p."householdId",
    p."id",
    t."id",
    f."id",
    'VALIDATED'::"ReviewStatus",
    (
        SELECT a."actorId"
        FROM "AuditEvent" a
        JOIN "User" reviewer ON reviewer."id" = a."actorId"
        WHERE a."targetId" = u."id"
          AND a."action" IN ('account.link', 'account.create_household')
        ORDER BY a."createdAt" DESC
        LIMIT 1
    ),
    COALESCE(u."reviewedAt", CURRENT_TIMESTAMP),
    u."id",
    f."createdAt"
FROM "User" u
JOIN "Person" p ON p."id" = u."personId"
JOIN "StoredFile" f ON f."id" = u."identityFileId"
JOIN "DocumentType" t ON t."code" = 'IDENTITE'
WHERE f."status" = 'ATTACHED'
  AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."fileId" = f."id");
