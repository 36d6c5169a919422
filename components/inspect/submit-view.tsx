"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

import { chinaMonthDayTime } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { applicableItems } from "@/lib/domain/template/applicability";
import { deriveFindings } from "@/lib/domain/template/findings";
import { scoreVisit } from "@/lib/domain/template/scoring";
import { JUDGEMENT_LABELS, SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import { submitBlockers, type ItemKey } from "@/lib/domain/visit/checklist";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import { useDraftText } from "@/lib/hooks/use-draft-text";
import type { VisitActions, VisitContext } from "@/lib/hooks/use-visit";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

import type { PreviewKind } from "./document-preview";
import { FollowUpReview } from "./follow-up-review";
import { IssuedDocuments } from "./issued-documents";
import { UncheckedList } from "./unchecked-list";
import { VisitSignatures } from "./visit-signatures";

const RESULT_ORDER = ["pass", "partial", "fail", "na"] as const;

/** Summary, both signatures, what still blocks submitting (tap to go there), and submit. */
export function SubmitView({
  context,
  visit,
  answers,
  actions,
  inspector,
  onJump,
  onBack,
  onPreview,
}: {
  context: VisitContext;
  visit: Visit;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  actions: VisitActions;
  inspector: User;
  onJump: (key: ItemKey) => void;
  onBack: () => void;
  /** Opens the offline preview of the notice or the visit record. */
  onPreview: (kind: PreviewKind) => void;
}) {
  const { templates, school, policy } = context;
  const isReadOnly = visit.status !== "draft";
  const answerList = useMemo(() => [...answers.values()], [answers]);
  const blockers = useMemo(
    () => submitBlockers({ visit, templates, school, answers: answerList, policy }),
    [visit, templates, school, answerList, policy],
  );
  const unanswered = blockers.flatMap((b) => (b.kind === "item" && b.isUnanswered ? [b.key] : []));
  const otherBlockers = blockers.filter((b) => b.kind !== "item" || !b.isUnanswered);
  const scores = useMemo(
    () =>
      templates.map((template) => ({
        template,
        score: scoreVisit(
          applicableItems(template, school),
          answerList.filter((a) => a.templateCode === template.code),
        ),
      })),
    [templates, school, answerList],
  );
  const findings = useMemo(
    () =>
      deriveFindings({ templates, answers: answerList, school, policy, visitAt: visit.startedAt }),
    [templates, answerList, school, policy, visit.startedAt],
  );
  const summary = useDraftText(visit.summary, (text) => actions.updateHeader({ summary: text }));
  const [result, setResult] = useState<{ isError: boolean; text: string } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit() {
    setIsSubmitting(true);
    setResult(null);
    const outcome = await actions.submit();
    setIsSubmitting(false);
    if (outcome.ok) setResult({ isError: false, text: "检查已提交，将在有网络时自动上传。" });
    else if (outcome.blockers)
      setResult({ isError: true, text: `还有 ${outcome.blockers.length} 处需要完成` });
    else setResult({ isError: true, text: outcome.reason });
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={onBack}>
          ← 返回检查项
        </Button>
        <p className="truncate text-sm text-slate-600">{school.name}</p>
      </div>

      {isReadOnly && visit.submittedAt !== null ? (
        <Card className="space-y-2 border-emerald-200 bg-emerald-50 text-sm text-emerald-800">
          <p>
            检查已于 {chinaMonthDayTime(visit.submittedAt)} 提交，内容已锁定。同步情况见{" "}
            <Link href="/inspect/visits" className="font-medium underline underline-offset-4">
              检查记录
            </Link>
            。
          </p>
          <IssuedDocuments visitId={visit.id} />
        </Card>
      ) : null}

      <Card className="flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm text-slate-600">按本机数据预览（无需网络）</p>
        <Button
          size="sm"
          variant="secondary"
          disabled={findings.length === 0}
          title={findings.length === 0 ? "未发现问题，不下发整改通知书" : undefined}
          onClick={() => onPreview("notice")}
        >
          预览整改通知书
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onPreview("record")}>
          预览检查记录
        </Button>
      </Card>

      <Card>
        <h2 className="text-base font-semibold text-slate-900">检查结果</h2>
        <ul className="mt-2 space-y-2 text-sm text-slate-700">
          {scores.map(({ template, score }) => (
            <li key={template.code}>
              <p className="font-medium">
                {template.title}
                {score.score !== null ? (
                  <span className="text-brand-700 ml-2">{score.score} 分</span>
                ) : null}
              </p>
              <p className="text-xs text-slate-500">
                {RESULT_ORDER.map((r) => `${JUDGEMENT_LABELS[r]} ${score.counts[r]}`).join(" · ")} ·
                未检查 {score.counts.unanswered}
              </p>
            </li>
          ))}
        </ul>
        {findings.length > 0 ? (
          <>
            <h3 className="mt-3 text-sm font-semibold text-slate-800">
              整改事项 {findings.length} 项
            </h3>
            <ul className="mt-1 space-y-1 text-xs text-slate-600">
              {findings.map((f) => (
                <li key={`${f.templateCode}/${f.itemCode}`}>
                  {f.itemCode} {f.finding} · {SEVERITY_LABELS[f.severity]} ·{" "}
                  {f.rectification.mode === "on_site"
                    ? "立行立改"
                    : `${f.rectification.mode === "control" ? "先行管控，" : ""}限期整改至 ${f.rectification.dueDate}`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>

      <FollowUpReview
        schoolId={school.id}
        since={visit.startedAt}
        isFollowUpVisit={visit.kind === "follow_up"}
      />

      <Field id="visit-summary" label="检查小结">
        <Textarea
          id="visit-summary"
          rows={4}
          maxLength={2000}
          placeholder="总体情况、亮点与主要问题"
          value={summary.text}
          onChange={(e) => summary.onChange(e.target.value)}
          onBlur={summary.onBlur}
          disabled={isReadOnly}
        />
      </Field>

      <VisitSignatures
        visit={visit}
        actions={actions}
        inspectorName={inspector.name}
        isReadOnly={isReadOnly}
      />

      {isReadOnly ? null : <UncheckedList context={context} answers={answers} onJump={onJump} />}

      {!isReadOnly && blockers.length > 0 ? (
        <Card className="border-amber-200 bg-amber-50" data-blockers={blockers.length}>
          <h2 className="text-sm font-semibold text-amber-900">
            提交前还需完成 {blockers.length} 处
          </h2>
          {unanswered.length > 0 ? (
            <div className="mt-2 flex items-center justify-between gap-2 text-sm text-amber-900">
              <p>尚有 {unanswered.length} 项必查项未作答</p>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => unanswered[0] && onJump(unanswered[0])}
              >
                去作答
              </Button>
            </div>
          ) : null}
          <ul className="mt-2 divide-y divide-amber-100 text-sm">
            {otherBlockers.map((b) =>
              b.kind === "item" ? (
                <li key={b.key}>
                  <button
                    type="button"
                    onClick={() => onJump(b.key)}
                    className="block w-full py-2 text-left"
                  >
                    <span className="block text-amber-900">{b.prompt}</span>
                    <span className="block text-xs text-amber-700">
                      {b.templateTitle} · {b.problems.join("；")}
                    </span>
                  </button>
                </li>
              ) : (
                <li key={b.role} className="py-2 text-amber-900">
                  {b.problem}
                </li>
              ),
            )}
          </ul>
        </Card>
      ) : null}

      {result ? (
        <p
          role={result.isError ? "alert" : "status"}
          className={
            result.isError
              ? "rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700"
              : "rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          }
        >
          {result.text}
        </p>
      ) : null}

      {isReadOnly ? null : (
        <Button
          size="lg"
          className="w-full"
          disabled={isSubmitting || blockers.length > 0}
          onClick={submit}
        >
          {isSubmitting ? "正在提交…" : "提交检查"}
        </Button>
      )}
    </div>
  );
}
