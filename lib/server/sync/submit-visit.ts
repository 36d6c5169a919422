/**
 * What the server adds to "visit.submit" beyond the reducer: it judges the submit rules again against
 * the pinned templates (the phone may be out of date or wrong), records the items left 未检查, then turns the findings into
 * 整改事项 and one 整改通知书 — inside the push's transaction, so a submit lands whole or not at all.
 */
import "server-only";

import type { User } from "@/lib/domain/org/org.schema";
import { type Refusal, refusal, refusalOf } from "@/lib/domain/refusal";
import { type SubmitProblem, validateForSubmit } from "@/lib/domain/template/answer-rules";
import { applicableItems } from "@/lib/domain/template/applicability";
import { deriveFindings } from "@/lib/domain/template/findings";
import { uncheckedItems } from "@/lib/domain/visit/scope";
import type { Visit } from "@/lib/domain/visit/visit.schema";

import { loadPinnedTemplates } from "./pinned-templates";
import type { Executor } from "../db/client";
import { issueNoticeForVisit } from "../rectification/issue-notice";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { visitRepository } from "../repositories/visits/visit-repository";

/** How many unfinished items the rejection names; the phone shows the full list itself. */
const PROBLEMS_SHOWN = 3;

/** e.g. "检查尚未完成，不能提交：「灭火器…」尚未作答；「…」本项须拍照取证 等 5 项". */
export function describeSubmitProblems(problems: readonly SubmitProblem[]): string {
  const shown = problems
    .slice(0, PROBLEMS_SHOWN)
    .map((p) => `「${p.prompt}」${p.problems.join("、")}`)
    .join("；");
  const more = problems.length > PROBLEMS_SHOWN ? ` 等 ${problems.length} 项` : "";
  return `检查尚未完成，不能提交：${shown}${more}`;
}

/**
 * Stores `submitted` (the reducer's result) with its 未检查 items if nothing blocks it (必查 items,
 * evidence rules, the inspector's signature under their account name), and issues its notice as
 * `user` at `now`. Returns the refusal, or null when done;
 * on a refusal the caller rolls back whatever was written.
 */
export async function submitVisit(
  tx: Executor,
  user: User,
  submitted: Visit,
  now: number,
): Promise<Refusal | null> {
  const school = await schoolRepository.findById(tx, submitted.schoolId);
  if (school === null) return refusal("not_found", "学校不存在");
  const pinned = await loadPinnedTemplates(tx, submitted.templates);
  if (!pinned.ok) return refusalOf(pinned);
  const policy = await districtRepository.getDeadlinePolicy(tx, school.districtId);
  const answers = await visitRepository.listAnswers(tx, [submitted.id]);

  const problems = pinned.templates.flatMap((template) =>
    validateForSubmit(
      applicableItems(template, school),
      answers.filter((a) => a.templateCode === template.code),
      policy,
    ),
  );
  if (problems.length > 0) return refusal("invalid_input", describeSubmitProblems(problems));
  const signer = submitted.signatures.inspector;
  if (signer && signer.name !== user.name) {
    return refusal(
      "invalid_input",
      `督学签名的姓名（${signer.name}）与账号姓名（${user.name}）不一致`,
    );
  }

  await visitRepository.update(tx, {
    ...submitted,
    unchecked: uncheckedItems({ templates: pinned.templates, school, answers }),
  });
  const issued = await issueNoticeForVisit(tx, {
    visitId: submitted.id,
    districtId: school.districtId,
    schoolId: school.id,
    findings: deriveFindings({
      templates: pinned.templates,
      answers,
      school,
      policy,
      visitAt: submitted.startedAt,
    }),
    issuedBy: user.id,
    // The notice is issued when the server receives the visit; due dates count from the visit day.
    now,
  });
  return issued.ok ? null : refusalOf(issued);
}
