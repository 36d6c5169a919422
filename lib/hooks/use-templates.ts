"use client";

import { useCallback, useState } from "react";
import { z } from "zod";

import { type DeadlinePolicy, deadlinePolicySchema } from "@/lib/domain/template/deadline-policy";
import {
  type Template,
  type TemplateInput,
  type TemplateRef,
  templateInputSchema,
  templateRefSchema,
  templateSchema,
} from "@/lib/domain/template/template.schema";
import type { AdoptionRequest, ForkRequest } from "@/lib/domain/template/library";

/**
 * The office's template and deadline-policy calls: the only place the office UI talks to those APIs.
 * Every answer is parsed; a failure carries the server's Chinese message (and an import's errors).
 */
export type ApiFailure = { status: number; message: string; errors: string[] };
export type ApiResult<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

const errorBodySchema = z.object({ message: z.string(), errors: z.array(z.string()).optional() });
const draftBodySchema = z.object({ draft: templateInputSchema });
const templateBodySchema = z.object({ template: templateSchema });
const importBodySchema = draftBodySchema.extend({
  isNewTemplate: z.boolean(),
  replacedDraft: z.boolean(),
});
const policyBodySchema = z.object({ policy: deadlinePolicySchema });
const adoptionBodySchema = z.object({ adoption: templateRefSchema });
const withdrawnBodySchema = z.object({ withdrawn: z.object({ code: z.string() }) });

async function call<T>(
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { "content-type": "application/json" },
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, message: "网络不可用，请连接网络后重试", errors: [] };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      status: response.status,
      message: "服务器的回答无法识别，请刷新后重试",
      errors: [],
    };
  }
  const failure = errorBodySchema.safeParse(body);
  return failure.success
    ? {
        ok: false,
        status: response.status,
        message: failure.data.message,
        errors: failure.data.errors ?? [],
      }
    : {
        ok: false,
        status: response.status,
        message: `请求失败（${response.status}），请稍后重试`,
        errors: [],
      };
}

const templatePath = (code: string) => `/api/templates/${encodeURIComponent(code)}`;

export const templateApi = {
  saveDraft(draft: TemplateInput): Promise<ApiResult<TemplateInput>> {
    return call(
      `${templatePath(draft.code)}/draft`,
      { method: "PUT", body: JSON.stringify(draft) },
      draftBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.draft } : r));
  },

  publish(code: string): Promise<ApiResult<Template>> {
    return call(`${templatePath(code)}/publish`, { method: "POST" }, templateBodySchema).then(
      (r) => (r.ok ? { ok: true, data: r.data.template } : r),
    );
  },

  retire(code: string, version: number): Promise<ApiResult<Template>> {
    return call(
      `${templatePath(code)}/versions/${version}/retire`,
      { method: "POST" },
      templateBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.template } : r));
  },

  /** 采用 / 更新到新版本: the district's new visits get this national version. */
  adopt(code: string, request: AdoptionRequest): Promise<ApiResult<TemplateRef>> {
    return call(
      `${templatePath(code)}/adoption`,
      { method: "POST", body: JSON.stringify(request) },
      adoptionBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.adoption } : r));
  },

  /** 停用 an adopted national template: the district's new visits no longer get it. */
  withdraw(code: string): Promise<ApiResult<{ code: string }>> {
    return call(`${templatePath(code)}/adoption`, { method: "DELETE" }, withdrawnBodySchema).then(
      (r) => (r.ok ? { ok: true, data: r.data.withdrawn } : r),
    );
  },

  /** 复制为本区清单: a draft of the district's own copy of a national version. */
  fork(code: string, request: ForkRequest): Promise<ApiResult<TemplateInput>> {
    return call(
      `${templatePath(code)}/fork`,
      { method: "POST", body: JSON.stringify(request) },
      draftBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.draft } : r));
  },

  /** Sends a file's text as is: the server reports what is wrong with it, item by item. */
  importFile(text: string): Promise<ApiResult<z.infer<typeof importBodySchema>>> {
    return call("/api/templates/import", { method: "POST", body: text }, importBodySchema);
  },

  saveDeadlinePolicy(policy: DeadlinePolicy): Promise<ApiResult<DeadlinePolicy>> {
    return call(
      "/api/office/deadline-policy",
      { method: "PUT", body: JSON.stringify(policy) },
      policyBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.policy } : r));
  },
};

/** Runs one API call at a time and keeps its failure for the UI to show. */
export function useApiAction() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const run = useCallback(async <T>(action: () => Promise<ApiResult<T>>): Promise<T | null> => {
    setPending(true);
    setFailure(null);
    try {
      const result = await action();
      if (result.ok) return result.data;
      setFailure({ status: result.status, message: result.message, errors: result.errors });
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { run, pending, failure, clearFailure: useCallback(() => setFailure(null), []) };
}
