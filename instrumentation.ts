// Runs once when the server starts: a missing production setting stops it
// here, with a message naming the variable, instead of failing on first use.
// That includes the real services (PayFiP, Resend, UploadThing): in
// production a stand-in runs only by its DEMO_* switch (see lib/env.ts), and
// `next start` exits when register() throws.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  // In socket mode the real connection address must be recorded from the very first request.
  if (env().clientIpSource.kind === "socket") (await import("@/lib/auth/client-address")).watchSocketAddresses();
}
