import "server-only";
import { recordAudit, type Actor } from "@/lib/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { dateToDay, dayToDate, parisDay } from "@/lib/dates";
import { createDocumentInTx, type ParentActor } from "@/lib/documents";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { childOfHousehold, currentDocumentId, documentTypeId } from "./child";
import { HealthRequestDataSchema, type HealthFileInput, type HealthRequestData } from "./schemas";

export const HEALTH_REQUEST_CODE = "SANTE";

export const HEALTH_REQUEST_PENDING =
  "Une modification des allergies ou du PAI est déjà en attente de validation par le service : attendez sa réponse avant d'en envoyer une autre.";

/** Pending SANTE requests of one child: at most one, see saveHealthFile. */
export const pendingHealthRequestWhere = (personId: string) =>
  ({ personId, status: "PENDING", type: { action: "HEALTH_UPDATE" } }) satisfies Prisma.RequestWhereInput;

const sameHealthData = (a: HealthRequestData, b: HealthRequestData) =>
  a.allergies === b.allergies && a.pai === b.pai && a.paiValidUntil === b.paiValidUntil;

export type SaveHealthFileResult = {
  /** The doctor, diets, vaccinations or remarks changed (applied at once). */
  applied: boolean;
  /** The SANTE request this save sent to staff, or found (a post sent twice). */
  requestId: string | null;
  /** Allergies or PAI are waiting for staff, whether sent now or before. */
  awaitingReview: boolean;
};

/**
 * "Enregistrer la fiche santé", in one transaction under the household's
 * lock. What the canteen may rely on without a check (doctor, diets,
 * vaccinations, remarks, the vaccination page) applies at once; allergies
 * and the PAI, which staff must see, become a SANTE request with the PAI
 * attached, applied only when staff accept it.
 *
 * A second change of allergies or PAI while one is pending is refused, not
 * merged into the pending request: staff accept what they read on the
 * request's page, and a request rewritten under them would have them accept
 * values they never saw. Sending the pending values again is not a change,
 * so a form posted twice, or saved again for the doctor, passes.
 */
export async function saveHealthFile({
  actor,
  input,
  now = new Date(),
}: {
  actor: ParentActor;
  input: HealthFileInput;
  now?: Date;
}): Promise<SaveHealthFileResult> {
  const db = await getDb();
  const earlier = await requestBySubmissionKey(actor, input.submissionKey);
  if (earlier) return { applied: false, requestId: earlier, awaitingReview: true };
  try {
    return await db.$transaction(async (tx) => {
      await lockRows(tx, "Household", [actor.householdId]);
      const child = await childOfHousehold(tx, { householdId: actor.householdId, personId: input.personId });
      const current = await tx.healthFile.findUnique({
        where: { personId: child.id },
        select: {
          doctorName: true,
          doctorPhone: true,
          vaccinationsUpToDate: true,
          remarks: true,
          allergies: true,
          pai: true,
          paiValidUntil: true,
          diets: { select: { id: true } },
        },
      });

      // A diet staff retired stays selectable for a child who already has it, so saving never drops it silently.
      const currentDietIds = current?.diets.map((d) => d.id) ?? [];
      const dietIds = [...new Set(input.dietIds)].sort();
      const known = await tx.diet.findMany({ where: { id: { in: dietIds }, OR: [{ active: true }, { id: { in: currentDietIds } }] }, select: { id: true } });
      if (known.length !== dietIds.length) {
        throw new AppError("INVALID", "Choisissez les régimes alimentaires dans la liste.", { dietIds: "Choisissez les régimes alimentaires dans la liste." });
      }

      const immediate = {
        doctorName: input.doctorName,
        doctorPhone: input.doctorPhone,
        vaccinationsUpToDate: input.vaccinationsUpToDate === "oui",
        remarks: input.remarks,
      };
      const changedFields: string[] = (Object.keys(immediate) as (keyof typeof immediate)[]).filter((k) => (current?.[k] ?? null) !== immediate[k]);
      if (currentDietIds.slice().sort().join() !== dietIds.join()) changedFields.push("diets");

      const requested: HealthRequestData = {
        allergies: input.allergies ?? "",
        pai: input.pai,
        paiValidUntil: input.pai === "oui" ? (input.paiValidUntil ?? "") : "",
      };
      const inForce: HealthRequestData = {
        allergies: current?.allergies ?? "",
        pai: current?.pai ? "oui" : "non",
        paiValidUntil: current?.pai && current.paiValidUntil ? dateToDay(current.paiValidUntil) : "",
      };
      const pending = await tx.request.findFirst({ where: pendingHealthRequestWhere(child.id), select: { id: true, data: true } });
      const pendingData = pending ? HealthRequestDataSchema.safeParse(pending.data) : null;
      const reference = pendingData?.success ? pendingData.data : inForce;
      const healthChanged = !sameHealthData(requested, reference) || Boolean(input.paiUpload);
      if (pending && healthChanged) throw new AppError("CONFLICT", HEALTH_REQUEST_PENDING, { allergies: HEALTH_REQUEST_PENDING });

      let requestId: string | null = null;
      if (healthChanged) {
        requestId = await sendHealthRequest(tx, { actor, childId: child.id, requested, inForce, input, now });
      }

      if (changedFields.length > 0 || input.vaccinationsUpload) {
        await tx.healthFile.upsert({
          where: { personId: child.id },
          create: { personId: child.id, ...immediate, diets: { connect: dietIds.map((id) => ({ id })) }, updatedById: actor.id },
          update: { ...immediate, diets: { set: dietIds.map((id) => ({ id })) }, updatedById: actor.id },
        });
      }
      if (input.vaccinationsUpload) {
        const typeId = await documentTypeId(tx, "VACCINS");
        const replacesId = await currentDocumentId(tx, { personId: child.id, typeId });
        await createDocumentInTx(tx, { actor, typeId, personId: child.id, upload: input.vaccinationsUpload, replacesId, now });
        changedFields.push("vaccinationsDocument");
      }
      if (changedFields.length > 0) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: "health.update",
          targetType: "Person",
          targetId: child.id,
          details: { label: `${child.firstName} ${child.lastName}`, householdId: actor.householdId, fields: changedFields },
        });
      }
      return { applied: changedFields.length > 0, requestId, awaitingReview: Boolean(requestId || pending) };
    });
  } catch (error) {
    // The same form posted twice at once: the loser rolled back, the winner's request is the answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await requestBySubmissionKey(actor, input.submissionKey);
      if (winner) return { applied: false, requestId: winner, awaitingReview: true };
    }
    throw error;
  }
}

async function sendHealthRequest(
  tx: Tx,
  {
    actor,
    childId,
    requested,
    inForce,
    input,
    now,
  }: { actor: ParentActor; childId: string; requested: HealthRequestData; inForce: HealthRequestData; input: HealthFileInput; now: Date },
): Promise<string> {
  const paiTypeId = await documentTypeId(tx, "PAI");
  const currentPai = await currentDocumentId(tx, { personId: childId, typeId: paiTypeId });
  if (requested.pai === "oui") {
    if (requested.paiValidUntil < parisDay(now)) {
      throw new AppError("INVALID", "La date de fin du PAI est passée : indiquez celle du PAI en cours.", {
        paiValidUntil: "La date de fin du PAI est passée : indiquez celle du PAI en cours.",
      });
    }
    // A new PAI (or a new end date) is a new signed document staff must see; new allergies alone are not.
    const newPai = inForce.pai === "non" || requested.paiValidUntil !== inForce.paiValidUntil;
    if (!input.paiUpload && newPai) {
      throw new AppError("INVALID", "Joignez le PAI signé.", { paiFile: "Joignez le PAI signé." });
    }
  }
  const type = await tx.requestType.findUnique({ where: { code: HEALTH_REQUEST_CODE }, select: { id: true } });
  if (!type) throw new AppError("INVALID", "La démarche santé n'est pas ouverte : contactez le service.");
  const request = await tx.request.create({
    data: {
      householdId: actor.householdId,
      personId: childId,
      typeId: type.id,
      data: requested,
      createdById: actor.id,
      submissionKey: input.submissionKey,
      createdAt: now,
    },
    select: { id: true },
  });
  if (input.paiUpload) {
    await createDocumentInTx(tx, { actor, typeId: paiTypeId, personId: childId, upload: input.paiUpload, requestId: request.id, replacesId: currentPai, now });
  }
  return request.id;
}

async function requestBySubmissionKey(actor: ParentActor, submissionKey: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.request.findUnique({ where: { submissionKey }, select: { id: true, householdId: true } });
  if (!row) return null;
  if (row.householdId !== actor.householdId) throw new AppError("CONFLICT", "Le formulaire a expiré : rechargez la page.");
  return row.id;
}

/**
 * Accepting a SANTE request (lib/requests applyRequest), in the
 * acceptance's transaction: the allergies and PAI the family sent replace
 * those of the child's health file.
 */
export async function applyHealthUpdateInTx(
  tx: Tx,
  actor: Actor,
  request: { id: string; householdId: string; personId: string | null; data: unknown },
): Promise<void> {
  const parsed = HealthRequestDataSchema.safeParse(request.data);
  const child = request.personId
    ? await tx.person.findFirst({ where: { id: request.personId, householdId: request.householdId, quality: "ENFANT" }, select: { id: true, firstName: true, lastName: true } })
    : null;
  if (!parsed.success || !child) throw new AppError("INVALID", "Cette demande ne peut pas être appliquée : refusez-la en indiquant le motif.");
  const values = {
    allergies: parsed.data.allergies || null,
    pai: parsed.data.pai === "oui",
    paiValidUntil: parsed.data.pai === "oui" && parsed.data.paiValidUntil ? dayToDate(parsed.data.paiValidUntil) : null,
    updatedById: actor.id,
  };
  await tx.healthFile.upsert({ where: { personId: child.id }, create: { personId: child.id, ...values }, update: values });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "health.update",
    targetType: "Person",
    targetId: child.id,
    details: { label: `${child.firstName} ${child.lastName}`, householdId: request.householdId, requestId: request.id, fields: ["allergies", "pai"] },
  });
}
