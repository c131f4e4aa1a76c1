import { describe, expect, it } from "vitest";
import { AppError, type AppErrorCode, errorResponse } from "./errors";

describe("errorResponse", () => {
  it.each<[AppErrorCode, number]>([
    ["NOT_FOUND", 404],
    ["FORBIDDEN", 403],
    ["INVALID", 400],
    ["CONFLICT", 409],
    ["THROTTLED", 429],
    ["EXPIRED", 410],
    ["FILE_REJECTED", 422],
  ])("answers %s with %i and the French message as text, never cached", async (code, status) => {
    const response = errorResponse(new AppError(code, "Facture introuvable."));
    expect(response.status).toBe(status);
    expect(await response.text()).toBe("Facture introuvable.");
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers JSON `{ error }` when asked, keeping the caller's headers", async () => {
    const response = errorResponse(new AppError("THROTTLED", "Trop d'envois."), {
      json: true,
      headers: { "Cache-Control": "private, no-store" },
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: "Trop d'envois." });
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("rethrows anything that is not an AppError: a bug is Next's 500, a redirect stays a redirect", () => {
    const bug = new TypeError("boom");
    expect(() => errorResponse(bug)).toThrow(bug);
    // The same message as an AppError's is not enough: only the type counts.
    expect(() => errorResponse(new Error("Facture introuvable."))).toThrow("Facture introuvable.");
  });
});
