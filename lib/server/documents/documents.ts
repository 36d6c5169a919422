/**
 * The documents a visit produces — its 整改通知书 and its 督导检查记录 — built from the stored visit
 * with the same domain model the phone's preview uses, for a user allowed to see them (scope via
 * lib/server/auth/scope.ts), and drawn as PDFs. Generated on demand: deadlines may have moved.
 */
import "server-only";

import QRCode from "qrcode";

import { photosOf, type OfficialDocument } from "@/lib/domain/documents/document";
import {
  documentFindings,
  type DocumentFinding,
  type IssuedTerms,
} from "@/lib/domain/documents/findings";
import type { IssuedDocuments } from "@/lib/domain/documents/issued";
import { noticeDocument, supervisionOffice } from "@/lib/domain/documents/notice";
import { visitRecordDocument } from "@/lib/domain/documents/visit-record";
import { idSchema } from "@/lib/domain/ids";
import type { User } from "@/lib/domain/org/org.schema";
import type { NoticeDetail } from "@/lib/domain/rectification/notice.schema";
import { refused, type Refused } from "@/lib/domain/refusal";
import { answerSections, type TemplateAnswers } from "@/lib/domain/visit/visit-detail";
import type { Visit } from "@/lib/domain/visit/visit.schema";

import { renderDocumentPdf } from "./pdf";
import { canSeeSchool } from "../auth/scope";
import { getBlobStore, type BlobStore } from "../blobs/blob-store";
import type { Executor } from "../db/client";
import { serverEnv } from "../env";
import { photoThumbnail, signatureImage } from "../photos/thumbnail";
import { getNotice } from "../rectification/queries";
import { noticeRepository } from "../repositories/notices/notice-repository";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { photoRepository } from "../repositories/photo-repository";
import { itemRepository } from "../repositories/rectification/item-repository";
import { visitRepository } from "../repositories/visits/visit-repository";
import { loadTemplates } from "../sync/pinned-templates";

/** The school's page for the notice, which the QR code opens. */
export function noticePageUrl(noticeId: string): string {
  return `${serverEnv().baseUrl}/school/notices/${noticeId}`;
}

/** The visit's own data, and its findings in document words (with the issued items' current terms). */
async function visitFindings(db: Executor, visit: Visit, issued: readonly IssuedTerms[] | null) {
  const school = await schoolRepository.findById(db, visit.schoolId);
  if (school === null) return null;
  const [templates, answers, policy, districtName] = await Promise.all([
    loadTemplates(db, visit.templates),
    visitRepository.listAnswers(db, [visit.id]),
    districtRepository.getDeadlinePolicy(db, school.districtId),
    districtRepository.nameOf(db, school.districtId),
  ]);
  const findings: DocumentFinding[] = documentFindings(
    { templates, answers, school, policy, visitAt: visit.startedAt },
    issued,
  );
  return { school, templates, answers, findings, districtName: districtName ?? "" };
}

export type NoticeDocument = { document: OfficialDocument; issuer: string };

/** A notice the user may see (from getNotice) as a document. */
export async function noticeDocumentOf(
  db: Executor,
  notice: NoticeDetail,
): Promise<NoticeDocument | null> {
  const visit = await visitRepository.findById(db, notice.visitId);
  if (visit === null) return null;
  const data = await visitFindings(db, visit, notice.items);
  if (data === null) return null;
  const document = noticeDocument({
    districtName: notice.districtName,
    number: notice.number,
    schoolName: notice.schoolName,
    visit,
    inspectorName: notice.issuedByName,
    findings: data.findings,
    issuedAt: notice.issuedAt,
    qrUrl: noticePageUrl(notice.id),
  });
  return { document, issuer: supervisionOffice(notice.districtName) };
}

/** The QR code a document prints, as an image URL for its print page. */
export async function qrDataUrl(document: OfficialDocument): Promise<string | null> {
  const signOff = document.blocks.find((b) => b.kind === "signOff");
  if (!signOff || signOff.kind !== "signOff" || !signOff.qr) return null;
  return QRCode.toDataURL(signOff.qr.url, { margin: 1, width: 240, errorCorrectionLevel: "M" });
}

/** What the office's visit page shows beside the record: every answer by section, with scores. */
export type VisitDetails = {
  visit: Visit;
  inspectorName: string;
  schoolName: string;
  noticeNumber: string | null;
  findings: number;
  sections: TemplateAnswers[];
  /** The original of each annotated photo shown (copy id → original id). */
  originals: Record<string, string>;
};

/**
 * The 督导检查记录 of a submitted visit, or null when the visit is unknown, still a draft, or its
 * school is outside the user's scope (the office of its district, its inspectors, the school itself).
 */
export async function visitRecordFor(
  db: Executor,
  user: User,
  visitId: string,
): Promise<(NoticeDocument & { noticeId: string | null; details: VisitDetails }) | null> {
  if (!idSchema.safeParse(visitId).success) return null;
  const visit = await visitRepository.findById(db, visitId);
  if (visit === null || visit.status !== "submitted") return null;
  if (!(await canSeeSchool(db, user, visit.schoolId))) return null;
  const notice = await noticeRepository.findByVisit(db, visit.id);
  const items = notice ? await itemRepository.listByNotice(db, notice.id) : null;
  const data = await visitFindings(db, visit, items);
  if (data === null) return null;
  const names = await userRepository.namesByIds(db, [visit.inspectorId]);
  const document = visitRecordDocument({
    districtName: data.districtName,
    schoolName: data.school.name,
    school: data.school,
    visit,
    inspectorNames: [
      names.get(visit.inspectorId) ?? visit.signatures.inspector?.name ?? "",
      ...(visit.signatures.inspector?.coInspectorName
        ? [visit.signatures.inspector.coInspectorName]
        : []),
    ],
    templates: data.templates,
    answers: data.answers,
    findings: data.findings,
    noticeNumber: notice?.number ?? null,
  });
  return {
    document,
    issuer: supervisionOffice(data.districtName),
    noticeId: notice?.id ?? null,
    details: {
      visit,
      inspectorName: names.get(visit.inspectorId) ?? "",
      schoolName: data.school.name,
      noticeNumber: notice?.number ?? null,
      findings: data.findings.length,
      sections: answerSections(data.templates, data.answers, data.school),
      originals: await photoRepository.originalsOf(
        db,
        data.answers.flatMap((answer) => answer.photoIds),
      ),
    },
  };
}

/** Thumbnails for photos, the drawn image for signatures. */
async function documentImages(
  document: OfficialDocument,
  blobs: BlobStore,
): Promise<Map<string, Buffer | null>> {
  const signatures = new Set(
    document.blocks.flatMap((b) =>
      b.kind === "signOff" ? b.signatures.flatMap((s) => (s.photoId ? [s.photoId] : [])) : [],
    ),
  );
  const ids = photosOf(document);
  const images = await Promise.all(
    ids.map((id) => (signatures.has(id) ? signatureImage(blobs, id) : photoThumbnail(blobs, id))),
  );
  return new Map(ids.map((id, i) => [id, images[i] ?? null]));
}

export async function documentPdf(
  document: OfficialDocument,
  issuer: string,
  blobs: BlobStore = getBlobStore(),
): Promise<Buffer> {
  return renderDocumentPdf(document, await documentImages(document, blobs), issuer);
}

export type PdfResult = { ok: true; pdf: Buffer; filename: string } | Refused;

/** The notice's PDF for this user, or 404 when the notice is unknown or outside their scope. */
export async function noticePdfFor(db: Executor, user: User, noticeId: string): Promise<PdfResult> {
  const notice = await getNotice(db, user, noticeId);
  const found = notice ? await noticeDocumentOf(db, notice) : null;
  if (found === null) return refused("not_found", "整改通知书不存在");
  return {
    ok: true,
    pdf: await documentPdf(found.document, found.issuer),
    filename: `${found.document.name}.pdf`,
  };
}

/** The visit record's PDF for this user, or 404 when the visit is unknown, a draft, or out of scope. */
export async function visitRecordPdfFor(
  db: Executor,
  user: User,
  visitId: string,
): Promise<PdfResult> {
  const found = await visitRecordFor(db, user, visitId);
  if (found === null) return refused("not_found", "检查记录不存在");
  return {
    ok: true,
    pdf: await documentPdf(found.document, found.issuer),
    filename: `${found.document.name}.pdf`,
  };
}

/**
 * The notice issued for a submitted visit the user may see, or null when the visit is unknown,
 * not yet submitted on the server, or out of scope.
 */
export async function issuedDocumentsFor(
  db: Executor,
  user: User,
  visitId: string,
): Promise<IssuedDocuments | null> {
  if (!idSchema.safeParse(visitId).success) return null;
  const visit = await visitRepository.findById(db, visitId);
  if (visit === null || visit.status !== "submitted") return null;
  if (!(await canSeeSchool(db, user, visit.schoolId))) return null;
  const notice = await noticeRepository.findByVisit(db, visitId);
  return { visitId, notice: notice ? { id: notice.id, number: notice.number } : null };
}
