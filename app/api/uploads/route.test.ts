import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { env, resetEnvForTests } from "@/lib/env";
import { makePdf, makePng, makeWindowsExecutable } from "@/lib/files/fixtures";
import { POST } from "./route";

const currentUser = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/dal", () => ({ getCurrentUser: currentUser }));

let address = 0;
function uploadRequest(bytes: Uint8Array<ArrayBuffer>, name: string, type = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type }));
  address += 1;
  return new Request("http://localhost/api/uploads", {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": `192.0.2.${address}` },
  });
}

async function uploadsOnDisk() {
  return readdir(path.join(env().dataDir, "uploads")).catch(() => [] as string[]);
}

beforeEach(() => currentUser.mockResolvedValue(null));
afterEach(() => {
  delete process.env.UPLOADTHING_TOKEN;
  delete process.env.UPLOAD_MAX_MB;
  resetEnvForTests();
});

describe("POST /api/uploads", () => {
  it("stores an accepted file and answers its receipt", async () => {
    const response = await POST(uploadRequest(await makePng(), "cni.png", "image/png"));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ fileId: expect.any(String), claim: expect.any(String) });
    const db = await getDb();
    expect(await db.storedFile.findUniqueOrThrow({ where: { id: body.fileId } })).toMatchObject({
      status: "PENDING",
      uploadedById: null,
    });
  });

  it("records the signed-in uploader", async () => {
    const db = await getDb();
    const user = await db.user.create({
      data: { identifiant: "0a0b0c0d", email: "uploader@exemple.fr", firstName: "A", lastName: "B" },
    });
    currentUser.mockResolvedValue({ id: user.id });
    const response = await POST(uploadRequest(makePdf(), "avis.pdf"));
    const { fileId } = await response.json();
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: fileId } })).uploadedById).toBe(user.id);
  });

  it("refuses a disguised executable with the French message", async () => {
    const before = await uploadsOnDisk();
    const response = await POST(uploadRequest(makeWindowsExecutable(), "carte.pdf", "application/pdf"));
    // FILE_REJECTED: the request was read, its content is what is refused.
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "Ce type de fichier n'est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un PDF.",
    });
    expect(await uploadsOnDisk()).toEqual(before);
  });

  it("refuses a request without a file", async () => {
    const response = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: new FormData() }));
    expect(response.status).toBe(400);
  });

  it("refuses an oversized body from its Content-Length, before reading it", async () => {
    const request = new Request("http://localhost/api/uploads", {
      method: "POST",
      headers: { "content-length": String(20 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      body: new ReadableStream({
        pull() {
          throw new Error("the body must not be read");
        },
      }),
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Le fichier dépasse la taille maximale de 10 Mo." });
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    process.env.UPLOAD_MAX_MB = "1";
    resetEnvForTests();
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024);
    const request = new Request("http://localhost/api/uploads", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: new ReadableStream({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          if (sent >= 20 * 1024 * 1024) controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it("answers 413 for a file just over the limit that fits the envelope's margin", async () => {
    process.env.UPLOAD_MAX_MB = "1";
    resetEnvForTests();
    const response = await POST(uploadRequest(new Uint8Array(1024 * 1024 + 10), "gros.pdf"));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Le fichier dépasse la taille maximale de 1 Mo." });
  });

  it("answers 429 once an address has sent too many files", async () => {
    const bytes = makePdf();
    const send = () =>
      POST(
        (() => {
          const form = new FormData();
          form.append("file", new File([bytes], "x.pdf"));
          return new Request("http://localhost/api/uploads", {
            method: "POST",
            body: form,
            headers: { "x-forwarded-for": "198.51.100.7" },
          });
        })(),
      );
    for (let i = 0; i < 20; i++) expect((await send()).status).toBe(201);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatch(/réessayez dans une heure/);
  });

  it("does not exist when UploadThing takes the uploads", async () => {
    process.env.UPLOADTHING_TOKEN = "token";
    resetEnvForTests();
    expect((await POST(uploadRequest(makePdf(), "x.pdf"))).status).toBe(404);
  });
});
