// Runs once when the server starts: a missing production setting stops it
// here, with a message naming the variable, instead of failing on first use.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
