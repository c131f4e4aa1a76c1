import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The development and test stand-in for an email provider: one JSON file per
 * message. Node built-ins only, so the Playwright fixtures can use the same
 * logic without loading the app (they read the folder of the server under
 * test; the app reads `DATA_DIR`, like lib/env does).
 */
export type OutboxMessage = {
  id: string;
  to: string;
  from: string;
  subject: string;
  template: string;
  html: string;
  text: string;
  createdAt: string;
};

// The id is also the file name, so it must never be able to leave the folder.
const ID_PATTERN = /^[0-9TZ.-]+-[0-9a-f]{8}$/;

export function defaultOutboxDir(): string {
  return path.join(process.env.DATA_DIR || ".data", "outbox");
}

/** Writes a message; its id sorts by time (ISO timestamp without colons, then a random suffix). */
export async function writeOutboxMessage(
  dir: string,
  message: Omit<OutboxMessage, "id" | "createdAt">,
  now = new Date(),
): Promise<OutboxMessage> {
  const createdAt = now.toISOString();
  const id = `${createdAt.replaceAll(":", "")}-${randomBytes(4).toString("hex")}`;
  const full: OutboxMessage = { id, ...message, createdAt };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(full, null, 2), { flag: "wx" });
  return full;
}

/** Every message, newest first. */
export async function listOutbox(dir = defaultOutboxDir()): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(/* turbopackIgnore: true */ dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse();
  const messages = await Promise.all(ids.map((id) => readOutboxMessage(id, dir)));
  return messages.filter((m): m is OutboxMessage => m !== null);
}

export async function readOutboxMessage(id: string, dir = defaultOutboxDir()): Promise<OutboxMessage | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8")) as OutboxMessage;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The newest message sent to `address` (compared without case), or null. */
export async function readLatestEmailTo(address: string, dir = defaultOutboxDir()): Promise<OutboxMessage | null> {
  const wanted = address.trim().toLowerCase();
  return (await listOutbox(dir)).find((m) => m.to.trim().toLowerCase() === wanted) ?? null;
}
