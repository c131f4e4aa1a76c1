// Scripts run by tsx (npm run dev, db:seed, maintenance, bench…) are server
// code outside Next, so `import "server-only"` must resolve the way Next
// resolves it on the server: to the package's empty react-server export.
// Only that package gets the condition; a global --conditions=react-server
// would also hand React's server build to react-email and react-pdf, which
// cannot render with it. Used as `tsx --import ./lib/cli/allow-server-only.mjs`.
import { register } from "node:module";

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
