import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The rule in eslint.config.mjs is what makes defineAction the only way to
// write an action; this proves it fires, so loosening it fails a test.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function lint(source: string, file = "app/exemple/actions.ts") {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(import.meta.dirname, "..", file) });
  return result.messages.map((m) => m.ruleId);
}

describe("the server action lint rule", () => {
  it("refuses an exported function declaration in a \"use server\" file", async () => {
    expect(await lint(`"use server";\n\nexport async function saveAction() {}\n`)).toContain("no-restricted-syntax");
  });

  it("refuses an exported arrow function that bypasses defineAction", async () => {
    expect(await lint(`"use server";\n\nexport const saveAction = async () => {};\n`)).toContain("no-restricted-syntax");
  });

  it("refuses importing a require* check from the DAL in an actions file", async () => {
    const source = `"use server";\n\nimport { requireStaff } from "@/lib/auth/dal";\n\nexport const x = requireStaff;\n`;
    expect(await lint(source)).toContain("no-restricted-imports");
  });

  it("accepts an action written with defineAction", async () => {
    const source = [
      `"use server";`,
      `import { z } from "zod";`,
      `import { defineAction } from "@/lib/actions";`,
      `export const saveAction = defineAction({ role: "staff", schema: z.object({}) }, async () => undefined);`,
      ``,
    ].join("\n");
    expect(await lint(source)).toEqual([]);
  });

  it("refuses a role compared by hand outside lib/auth/roles.ts", async () => {
    expect(await lint(`export const isAdmin = (u: { role: string }) => u.role === "ADMIN";\n`, "app/exemple/page.tsx")).toContain("no-restricted-syntax");
    expect(await lint(`export const staff = (u: { role: string }) => "STAFF" !== u.role;\n`, "lib/exemple/check.ts")).toContain("no-restricted-syntax");
    expect(await lint(`export const isAdmin = (u: { role: string }) => u.role === "ADMIN";\n`, "lib/auth/roles.ts")).toEqual([]);
  });

  it("leaves exported functions alone outside \"use server\" files", async () => {
    expect(await lint(`export async function helper() {}\n`, "lib/exemple/helper.ts")).toEqual([]);
  });
});
