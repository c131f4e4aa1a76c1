import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The block in eslint.config.mjs is what keeps app/** querying through lib's
// domain functions; this proves it fires, so loosening it fails a test.
const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });
const RULE = "@typescript-eslint/no-restricted-imports";

async function lint(source: string, file = "app/admin/exemple/page.tsx") {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(root, file) });
  return result.messages.map((m) => m.ruleId);
}

describe("the database import rule for app/**", () => {
  it("refuses the database client in a page, by alias or relative path", async () => {
    expect(await lint(`import { getDb } from "@/lib/db/client";\nexport const x = getDb;\n`)).toContain(RULE);
    expect(await lint(`import { getDb } from "../../../lib/db/client";\nexport const x = getDb;\n`)).toContain(RULE);
  });

  it("refuses a value import of the generated Prisma client, in a route handler too", async () => {
    expect(await lint(`import { Prisma } from "@/lib/generated/prisma/client";\nexport const x = Prisma;\n`, "app/api/exemple/route.ts")).toContain(RULE);
  });

  it("accepts a type-only import of an enum", async () => {
    expect(await lint(`import type { Role } from "@/lib/generated/prisma/client";\nexport type X = Role;\n`)).toEqual([]);
  });

  it("still applies the server action rule beside it", async () => {
    const source = `"use server";\n\nimport { requireStaff } from "@/lib/auth/dal";\n\nexport const x = requireStaff;\n`;
    expect(await lint(source, "app/exemple/actions.ts")).toContain("no-restricted-imports");
  });
});
