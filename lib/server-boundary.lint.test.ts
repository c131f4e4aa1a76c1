import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The rule in eslint.config.mjs keeps lib from importing components/ (emails
// and PDFs are lib code now); this proves it fires, so loosening it fails.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function lint(source: string, file: string) {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(import.meta.dirname, "..", file) });
  return result.messages.map((m) => m.ruleId);
}

describe("the lib → components lint rule", () => {
  it("refuses a lib module importing @/components/…", async () => {
    const source = `import { Button } from "@/components/x";\n\nexport const b = Button;\n`;
    expect(await lint(source, "lib/exemple/module.ts")).toContain("no-restricted-imports");
  });

  it("refuses a relative import into components/ from lib", async () => {
    const source = `import { Button } from "../../components/ui/button";\n\nexport const b = Button;\n`;
    expect(await lint(source, "lib/exemple/module.tsx")).toContain("no-restricted-imports");
  });

  it("accepts lib's own templates and packages named components", async () => {
    const source = [
      `import { Text } from "@react-email/components";`,
      `import { EmailLayout } from "@/lib/mail/templates";`,
      `export { Text, EmailLayout };`,
      ``,
    ].join("\n");
    expect(await lint(source, "lib/exemple/module.tsx")).toEqual([]);
  });

  it("lets a lib test exercise the UI built on its module", async () => {
    const source = `import { Button } from "@/components/x";\n\nexport const b = Button;\n`;
    expect(await lint(source, "lib/exemple/module.test.ts")).toEqual([]);
  });

  it("leaves components/ importing components/ alone", async () => {
    const source = `import { Button } from "@/components/x";\n\nexport const b = Button;\n`;
    expect(await lint(source, "components/exemple.tsx")).toEqual([]);
  });
});
