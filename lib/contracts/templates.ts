/** The template library's endpoints (/api/templates/…) and the district's template settings. */
import { z } from "zod";

import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import {
  adoptionRequestSchema,
  forkRequestSchema,
  versionListSchema,
} from "@/lib/domain/template/library";
import {
  templateInputSchema,
  templateRefSchema,
  templateSchema,
} from "@/lib/domain/template/template.schema";
import { routineTemplatesSchema } from "@/lib/domain/visit/visit-pack.schema";

import { contract } from "./contract";

const templatePath = "/api/templates/:code";
const versionPath = `${templatePath}/versions/:version`;
const draftAnswer = z.object({ draft: templateInputSchema });
const templateAnswer = z.object({ template: templateSchema });
const policy = z.object({ policy: deadlinePolicySchema });
const routine = z.object({ codes: routineTemplatesSchema });

export const templateContracts = {
  /** What a new visit in the user's district may pin (admin: every national template's newest). */
  offered: contract({
    method: "GET",
    path: "/api/templates",
    response: z.object({ templates: z.array(templateSchema) }),
  }),
  versions: contract({
    method: "GET",
    path: `${templatePath}/versions`,
    response: versionListSchema,
  }),
  version: contract({ method: "GET", path: versionPath, response: templateAnswer }),
  /** One version as a JSON file to import again. */
  exportVersion: contract({ method: "GET", path: `${versionPath}/export`, response: "file" }),
  retire: contract({ method: "POST", path: `${versionPath}/retire`, response: templateAnswer }),
  /** Opens the draft: from the body, or (no body) copied from the newest version. */
  startDraft: contract({
    method: "POST",
    path: `${templatePath}/draft`,
    body: templateInputSchema.nullable(),
    response: draftAnswer,
  }),
  saveDraft: contract({
    method: "PUT",
    path: `${templatePath}/draft`,
    body: templateInputSchema,
    response: draftAnswer,
  }),
  publish: contract({
    method: "POST",
    path: `${templatePath}/publish`,
    response: templateAnswer,
    status: 201,
  }),
  adopt: contract({
    method: "POST",
    path: `${templatePath}/adoption`,
    body: adoptionRequestSchema,
    response: z.object({ adoption: templateRefSchema }),
  }),
  withdraw: contract({
    method: "DELETE",
    path: `${templatePath}/adoption`,
    response: z.object({ withdrawn: z.object({ code: z.string() }) }),
  }),
  fork: contract({
    method: "POST",
    path: `${templatePath}/fork`,
    body: forkRequestSchema,
    response: draftAnswer,
    status: 201,
  }),
  /** A template file's text as is: the server reports what is wrong with it, item by item. */
  importFile: contract({
    method: "POST",
    path: "/api/templates/import",
    body: "text",
    response: draftAnswer.extend({ isNewTemplate: z.boolean(), replacedDraft: z.boolean() }),
    status: 201,
  }),

  deadlinePolicy: contract({
    method: "GET",
    path: "/api/office/deadline-policy",
    response: policy,
  }),
  saveDeadlinePolicy: contract({
    method: "PUT",
    path: "/api/office/deadline-policy",
    body: deadlinePolicySchema,
    response: policy,
  }),
  routineTemplates: contract({
    method: "GET",
    path: "/api/office/routine-templates",
    response: routine,
  }),
  saveRoutineTemplates: contract({
    method: "PUT",
    path: "/api/office/routine-templates",
    body: routine,
    response: routine,
  }),
};
