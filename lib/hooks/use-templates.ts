"use client";

import { templateContracts as t } from "@/lib/contracts/templates";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import type { AdoptionRequest, ForkRequest } from "@/lib/domain/template/library";
import type { Template, TemplateInput, TemplateRef } from "@/lib/domain/template/template.schema";

import { type ApiResult, call, mapResult } from "./api-client";

/** The office's template and deadline-policy calls: the only place the office UI talks to those APIs. */

export const templateApi = {
  async saveDraft(draft: TemplateInput): Promise<ApiResult<TemplateInput>> {
    const saved = await call(t.saveDraft, { params: { code: draft.code }, body: draft });
    return mapResult(saved, (data) => data.draft);
  },

  async publish(code: string): Promise<ApiResult<Template>> {
    return mapResult(await call(t.publish, { params: { code } }), (data) => data.template);
  },

  async retire(code: string, version: number): Promise<ApiResult<Template>> {
    const retired = await call(t.retire, { params: { code, version } });
    return mapResult(retired, (data) => data.template);
  },

  /** 采用 / 更新到新版本: the district's new visits get this national version. */
  async adopt(code: string, request: AdoptionRequest): Promise<ApiResult<TemplateRef>> {
    const adopted = await call(t.adopt, { params: { code }, body: request });
    return mapResult(adopted, (data) => data.adoption);
  },

  /** 停用 an adopted national template: the district's new visits no longer get it. */
  async withdraw(code: string): Promise<ApiResult<{ code: string }>> {
    return mapResult(await call(t.withdraw, { params: { code } }), (data) => data.withdrawn);
  },

  /** 复制为本区清单: a draft of the district's own copy of a national version. */
  async fork(code: string, request: ForkRequest): Promise<ApiResult<TemplateInput>> {
    return mapResult(await call(t.fork, { params: { code }, body: request }), (data) => data.draft);
  },

  /** Sends a file's text as is: the server reports what is wrong with it, item by item. */
  importFile: (text: string) => call(t.importFile, { body: text }),

  async saveDeadlinePolicy(policy: DeadlinePolicy): Promise<ApiResult<DeadlinePolicy>> {
    const saved = await call(t.saveDeadlinePolicy, { body: policy });
    return mapResult(saved, (data) => data.policy);
  },

  /** The district's 挂牌督导 checklists (template codes). */
  async saveRoutineTemplates(codes: readonly string[]): Promise<ApiResult<string[]>> {
    const saved = await call(t.saveRoutineTemplates, { body: { codes: [...codes] } });
    return mapResult(saved, (data) => data.codes);
  },
};
