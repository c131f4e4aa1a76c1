import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { idle, type FormState } from "@/lib/forms";

// What page and action tests share: the session stays mocked in each test
// file (vi.mock is hoisted per file), these only read what the code answers.

/** A server page's markup, as a browser would receive it. */
export async function renderPage(element: Promise<ReactElement>): Promise<string> {
  return renderToStaticMarkup(await element);
}

/** A form post from plain fields. */
export function formData(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** "redirect:<path>", "404", or the form state the action answered. */
export async function runAction(action: (prev: FormState, data: unknown) => Promise<FormState>, data: FormData): Promise<FormState | string> {
  try {
    return await action(idle, data);
  } catch (error) {
    if (isRedirectError(error)) return `redirect:${error.digest.split(";")[2]}`;
    if (isHTTPAccessFallbackError(error)) return "404";
    throw error;
  }
}
