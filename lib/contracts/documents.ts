/** The documents a submitted visit issues: what it produced, the 整改通知书 and 督导检查记录 PDFs. */
import { issuedDocumentsSchema } from "@/lib/domain/documents/issued";

import { contract, pathOf } from "./contract";

export const documentContracts = {
  issued: contract({
    method: "GET",
    path: "/api/visits/:id/issued",
    response: issuedDocumentsSchema,
  }),
  noticePdf: contract({ method: "GET", path: "/api/notices/:id/pdf", response: "file" }),
  visitRecordPdf: contract({ method: "GET", path: "/api/visits/:id/record.pdf", response: "file" }),
};

/** Where a link opens the PDFs (the browser shows them inline). */
export const noticePdfPath = (id: string) =>
  pathOf(documentContracts.noticePdf, { params: { id } });
export const visitRecordPdfPath = (id: string) =>
  pathOf(documentContracts.visitRecordPdf, { params: { id } });
