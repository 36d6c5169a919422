"use client";

import { z } from "zod";

import { type DeadlinePolicy, deadlinePolicySchema } from "@/lib/domain/template/deadline-policy";
import {
  type Template,
  type TemplateInput,
  templateInputSchema,
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
