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
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results*/**", "next-env.d.ts"] },
];

export default config;
