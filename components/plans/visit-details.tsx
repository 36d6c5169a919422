import Link from "next/link";

import { photoPath, photoThumbnailPath } from "@/lib/contracts/sync";
import { chinaDateTime } from "@/lib/domain/dates";
import type { TemplateAnswers } from "@/lib/domain/visit/visit-detail";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import { cn } from "@/lib/utils/cn";

import { Card } from "@/components/ui/card";

const RESULT_TONES: Record<string, string> = {
  符合: "text-emerald-700",
  部分符合: "text-amber-700",
  不符合: "text-red-700",
  未检查: "text-slate-500",
};

function onSite(visit: Visit): string {
  const end = visit.endedAt ?? visit.submittedAt;
  if (end === null) return "—";
  const minutes = Math.max(0, Math.round((end - visit.startedAt) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)}小时${minutes % 60}分钟` : `${minutes}分钟`;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The visit at a glance: when, how long, what kind, what it produced. */
export function VisitFacts({
  visit,
  schoolName,
  inspectorName,
  campaignName,
  findings,
  noticeId,
  noticeNumber,
}: {
  visit: Visit;
  schoolName: string;
  inspectorName: string;
  campaignName: string | null;
  findings: number;
  noticeId: string | null;
  noticeNumber: string | null;
}) {
  return (
    <Card>
      <dl className="grid gap-3 sm:grid-cols-4">
        <Fact label="学校">{schoolName}</Fact>
        <Fact label="督学">{inspectorName}</Fact>
        <Fact label="督导类型">
          {VISIT_KIND_LABELS[visit.kind]}
          {campaignName ? `（${campaignName}）` : ""}
        </Fact>
        <Fact label="开始时间">{chinaDateTime(visit.startedAt)}</Fact>
        <Fact label="在校时长">{onSite(visit)}</Fact>
        <Fact label="提交时间">
          {visit.submittedAt === null ? "—" : chinaDateTime(visit.submittedAt)}
        </Fact>
        <Fact label="发现问题">{findings === 0 ? "无" : `${findings} 项`}</Fact>
        <Fact label="整改通知书">
          {noticeId ? (
            <Link
              href={`/office/notices/${noticeId}`}
              className="text-brand-700 underline underline-offset-4"
            >
              {noticeNumber}
            </Link>
          ) : (
            "未下发"
          )}
        </Fact>
      </dl>
    </Card>
  );
}

/** Every applicable item by checklist and section: result, reading, note and photos. */
export function AnswerSections({
  templates,
  originals,
}: {
  templates: readonly TemplateAnswers[];
  /** The original of each annotated photo (copy id → original id). */
  originals: Readonly<Record<string, string>>;
}) {
  return (
    <div className="space-y-4">
      {templates.map((template) => (
        <Card key={template.code} className="space-y-3">
          <h3 className="font-medium text-slate-900">
            《{template.title}》第{template.version}版
            <span className="ml-2 text-sm font-normal text-slate-600">
              得分 {template.score.score ?? "—"}
            </span>
          </h3>
          {template.sections.map((section) => (
            <section key={section.section} aria-label={section.section}>
              <h4 className="mb-1 text-sm font-medium text-slate-700">
                {section.section}
                <span className="ml-2 font-normal text-slate-500">
                  符合 {section.score.counts.pass} · 部分符合 {section.score.counts.partial} ·
                  不符合 {section.score.counts.fail} · 不适用 {section.score.counts.na} · 得分{" "}
                  {section.score.score ?? "—"}
                </span>
              </h4>
              <table className="min-w-full text-sm">
                <tbody className="divide-y divide-slate-100">
                  {section.lines.map((line) => (
                    <tr key={line.code}>
                      <td className="w-20 py-1.5 pr-2 align-top text-slate-500">{line.code}</td>
                      <td className="py-1.5 pr-2 align-top">
                        {line.prompt}
                        {line.value || line.note ? (
                          <span className="block text-xs text-slate-600">
                            {[line.value, line.note].filter(Boolean).join("；")}
                          </span>
                        ) : null}
                        {line.photoIds.length > 0 ? (
                          <span className="mt-1 flex flex-wrap gap-1">
                            {line.photoIds.map((id) => {
                              const originalId = originals[id];
                              return (
                                <span key={id} className="flex flex-col items-center gap-0.5">
                                  <a href={photoPath(id)} target="_blank" rel="noreferrer">
                                    {/* eslint-disable-next-line @next/next/no-img-element -- private, content-addressed thumbnails served by our API */}
                                    <img
                                      src={photoThumbnailPath(id)}
                                      alt={`${line.code} 照片${originalId ? "（已标注）" : ""}`}
                                      loading="lazy"
                                      className="h-16 w-16 rounded object-cover"
                                    />
                                  </a>
                                  {originalId ? (
                                    <a
                                      href={photoPath(originalId)}
                                      target="_blank"
                                      rel="noreferrer"
                                      className="text-brand-700 text-xs underline underline-offset-2"
                                    >
                                      查看原图
                                    </a>
                                  ) : null}
                                </span>
                              );
                            })}
                          </span>
                        ) : null}
                      </td>
                      <td
                        className={cn(
                          "w-20 py-1.5 text-right align-top whitespace-nowrap",
                          RESULT_TONES[line.resultLabel] ?? "text-slate-700",
                        )}
                      >
                        {line.resultLabel}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </Card>
      ))}
    </div>
  );
}
