import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

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
    // "One enforced way" for server actions (lib/actions.ts): every action is
    // `export const xAction = defineAction(...)` (or defineInputAction /
    // defineFormAction), so its role is declared, checked through the DAL
    // and cannot be forgotten. Next accepts it: a "use server" file must
    // export async functions, which these calls return.
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
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
      ],
    },
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
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results*/**", "next-env.d.ts"] },
];

export default config;
