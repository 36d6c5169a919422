"use client";

import { z } from "zod";

import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import type { AdoptionRequest, ForkRequest } from "@/lib/domain/template/library";
import {
  type Template,
  type TemplateInput,
  type TemplateRef,
  templateInputSchema,
  templateRefSchema,
  templateSchema,
} from "@/lib/domain/template/template.schema";

import { type ApiResult, call } from "./api-client";

/** The office's template and deadline-policy calls: the only place the office UI talks to those APIs. */
const draftBodySchema = z.object({ draft: templateInputSchema });
const templateBodySchema = z.object({ template: templateSchema });
const importBodySchema = draftBodySchema.extend({
  isNewTemplate: z.boolean(),
  replacedDraft: z.boolean(),
});
const policyBodySchema = z.object({ policy: deadlinePolicySchema });
const routineBodySchema = z.object({ codes: z.array(z.string()) });
const adoptionBodySchema = z.object({ adoption: templateRefSchema });
const withdrawnBodySchema = z.object({ withdrawn: z.object({ code: z.string() }) });

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

  /** The district's 挂牌督导 checklists (template codes). */
  saveRoutineTemplates(codes: readonly string[]): Promise<ApiResult<string[]>> {
    return call(
      "/api/office/routine-templates",
      { method: "PUT", body: JSON.stringify({ codes }) },
      routineBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.codes } : r));
  },
};
