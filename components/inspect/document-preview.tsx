"use client";

import { useMemo, useState } from "react";

import { documentFindings } from "@/lib/domain/documents/findings";
import { noticeDocument } from "@/lib/domain/documents/notice";
import { visitRecordDocument } from "@/lib/domain/documents/visit-record";
import type { User } from "@/lib/domain/org/org.schema";
import type { ItemKey } from "@/lib/domain/visit/checklist";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import { usePhotoThumbnailUrl } from "@/lib/hooks/use-photos";
import type { VisitContext } from "@/lib/hooks/use-visit";
import { systemClock } from "@/lib/utils/clock";

import { DocumentView, type RenderImage } from "@/components/documents/document-view";
import { Button } from "@/components/ui/button";

export type PreviewKind = "notice" | "record";

function PhonePhoto({ id, alt, kind }: { id: string; alt: string; kind: "photo" | "signature" }) {
  const url = usePhotoThumbnailUrl(id);
  if (url === null) return <span className="text-xs text-slate-500">照片读取中…</span>;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an object URL of the photo stored on this phone
    <img
      src={url}
      alt={alt}
      className={kind === "photo" ? "h-full w-full object-cover" : "h-16 w-auto"}
    />
  );
}

const phoneImage: RenderImage = (id, alt, kind) => <PhonePhoto id={id} alt={alt} kind={kind} />;

/**
 * The 整改通知书 or 督导检查记录 as they will read, made on the phone from its own data with the same
 * document model as the server's PDF: works offline, before the visit is submitted.
 */
export function DocumentPreview({
  kind,
  context,
  visit,
  answers,
  inspector,
  onBack,
}: {
  kind: PreviewKind;
  context: VisitContext;
  visit: Visit;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  inspector: User;
  onBack: () => void;
}) {
  const [now] = useState(() => systemClock.now());
  const document = useMemo(() => {
    const { templates, school, policy } = context;
    const answerList = [...answers.values()];
    const findings = documentFindings({
      templates,
      answers: answerList,
      school,
      policy,
      visitAt: visit.startedAt,
    });
    const districtName = school.districtName ?? "";
    return kind === "notice"
      ? noticeDocument({
          districtName,
          number: null,
          schoolName: school.name,
          visit,
          inspectorName: inspector.name,
          findings,
          issuedAt: now,
          qrUrl: null,
        })
      : visitRecordDocument({
          districtName,
          schoolName: school.name,
          school,
          visit,
          inspectorNames: [inspector.name],
          templates,
          answers: answerList,
          findings,
          noticeNumber: null,
        });
  }, [kind, context, visit, answers, inspector, now]);
  return (
    <div className="space-y-3">
      <Button variant="ghost" size="sm" onClick={onBack}>
        ← 返回提交页
      </Button>
      <DocumentView document={document} renderImage={phoneImage} />
    </div>
  );
}
