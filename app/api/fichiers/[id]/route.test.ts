import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { acceptUpload, claimFile } from "@/lib/files";
import { makePdf } from "@/lib/files/fixtures";
import type { Role } from "@/lib/generated/prisma/client";
import { GET } from "./route";

const currentUser = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: currentUser }));

const get = (id: string) => GET(new Request(`http://localhost/api/fichiers/${id}`), { params: Promise.resolve({ id }) });

let n = 0;
async function user(role: Role, identityFileId?: string) {
  const db = await getDb();
  n += 1;
  return db.user.create({
    data: {
      identifiant: `e${String(n).padStart(7, "0")}`,
      email: `lecture.${n}@exemple.fr`,
      firstName: "Élodie",
      lastName: "TEST",
      role,
      status: "ACTIVE",
      identityFileId,
    },
    select: { id: true, role: true, status: true },
  });
}

let fileId = "";
const pdf = makePdf();

beforeEach(() => currentUser.mockResolvedValue(null));

beforeAll(async () => {
  const db = await getDb();
  const receipt = await acceptUpload({ bytes: pdf, name: "Pièce d'identité é.pdf", address: "203.0.113.1" });
  await db.$transaction((tx) => claimFile(tx, receipt));
  fileId = receipt.fileId;
});

describe("GET /api/fichiers/[id]", () => {
  it("serves the owner's identity document with protective headers", async () => {
    currentUser.mockResolvedValue(await user("PARENT", fileId));
    const response = await get(fileId);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="Piece_d_identite_e\.pdf"; filename\*=UTF-8''/);
  });

  it("serves staff", async () => {
    currentUser.mockResolvedValue(await user("STAFF"));
    expect((await get(fileId)).status).toBe(200);
  });

  it("answers the same 404 to the anonymous, to another parent and for a missing id", async () => {
    const anonymous = await get(fileId);
    currentUser.mockResolvedValue(await user("PARENT"));
    const stranger = await get(fileId);
    const missing = await get("does-not-exist");
    for (const response of [anonymous, stranger, missing]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Document introuvable.");
    }
  });
});
