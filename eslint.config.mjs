import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

// "One enforced way" for server actions (lib/actions.ts): every action is
// `export const xAction = defineAction(...)` (or defineInputAction /
// defineFormAction), so its role is declared, checked through the DAL and
// cannot be forgotten. Next accepts it: a "use server" file must export
// async functions, which these calls return.
const actionShape = [
  {
    selector: "Program:has(> ExpressionStatement[directive='use server']) ExportNamedDeclaration > FunctionDeclaration",
    message: "A server action is `export const xAction = defineAction({ role, schema }, ...)` (lib/actions.ts), never an exported function.",
  },
  {
    selector: "Program:has(> ExpressionStatement[directive='use server']) ExportDefaultDeclaration",
    message: "A server action is `export const xAction = defineAction({ role, schema }, ...)` (lib/actions.ts), never a default export.",
  },
  {
    selector:
      "Program:has(> ExpressionStatement[directive='use server']) ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > .init:not(CallExpression[callee.name=/^define(Input|Form)?Action$/])",
    message: "A server action is `export const xAction = defineAction({ role, schema }, ...)` (lib/actions.ts): its role is declared there.",
  },
];

// "One role check": who may do what is decided in lib/auth/roles.ts
// (roleGrants, assertActor) and the DAL's requireRole, never by comparing a
// role to a literal where a new role or a typo would silently let it through.
const roleLiteral = {
  selector: "BinaryExpression[operator=/^[!=]==?$/]:matches([left.value=/^(PARENT|STAFF|ADMIN)$/], [right.value=/^(PARENT|STAFF|ADMIN)$/])",
  message: "Ask lib/auth/roles.ts (roleGrants, assertActor) or requireRole, rather than comparing a role by hand.",
};

const config = [
  ...next,
  ...ts,
  {
    rules: {
      // Destructuring a field away to leave the rest is how DTOs drop columns.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-restricted-syntax": ["error", ...actionShape, roleLiteral] },
  },
  {
    // The one place roles are spelled out, and tests that set accounts up.
    files: ["lib/auth/roles.ts", "**/*.test.ts", "**/*.test.tsx", "e2e/**", "prisma/**"],
    rules: { "no-restricted-syntax": ["error", ...actionShape] },
  },
  {
    // The role check of an action is defineAction's `role`, not a call in its body.
    files: ["app/**/actions.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/auth/dal", "**/lib/auth/dal"],
              importNamePattern: "^require",
              message: "Declare the role in defineAction({ role }) (lib/actions.ts) instead of calling require*() in an action.",
            },
          ],
        },
      ],
    },
  },
  {
    // "One way" to the database: pages, layouts, components and route handlers
    // read and write through lib's domain functions, which scope the query and
    // return DTOs, never Prisma rows. Enum types from the generated client stay
    // allowed (`import type`). The typescript-eslint rule, not the core one, so
    // the actions block's `no-restricted-imports` is not overridden. Tests set
    // up their data with the client and are left out.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"],
              message: "Query through a domain function of lib/<area> that returns a DTO, not the database client.",
            },
            {
              group: ["@/lib/generated/**", "**/lib/generated/**", "@prisma/client", "@prisma/client/**"],
              allowTypeImports: true,
              message: "Only `import type` from the generated Prisma client here: query through a domain function of lib/<area> that returns a DTO.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib is the server side the UI is built on, never the reverse: emails
    // (lib/mail/templates) and PDFs (lib/billing/pdf) are lib code, so
    // nothing under lib reaches into components/. A test may still exercise
    // the UI built on the module it tests (lib/env.test.ts and the banner).
    files: ["lib/**/*.ts", "lib/**/*.tsx", "lib/**/*.mjs"],
    ignores: ["lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components", "@/components/**", "**/../components", "**/../components/**"],
              message: "lib does not import components/: UI builds on lib. Server-rendered templates live in lib (lib/mail/templates, lib/billing/pdf).",
            },
          ],
        },
      ],
    },
  },
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results*/**", "next-env.d.ts"] },
];

export default config;
