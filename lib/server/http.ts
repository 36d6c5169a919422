/**
 * JSON answers shared by route handlers: every error is `{ error, message }` with a Chinese message a
 * client can show as is (the shape requireApiUser uses), and bad input is 422 with zod's issues.
 */
import "server-only";

import type { z } from "zod";

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status });
}

/** 422 with the schema's issues; the first issue's message doubles as the summary. */
export function invalidInput(zodError: z.ZodError): Response {
  const { issues } = zodError;
  return Response.json(
    { error: "invalid_input", message: issues[0]?.message ?? "提交的内容有误", issues },
    { status: 422 },
  );
}

/** The request's JSON body; an empty body is `null` (for endpoints where the body is optional). */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, body: null };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: Response.json(
        { error: "invalid_input", message: "请求内容不是有效的 JSON", issues: [] },
        { status: 422 },
      ),
    };
  }
}
