import { visitRecordPdfPath } from "@/lib/contracts/documents";
import type { OfficialDocument } from "@/lib/domain/documents/document";

import { apiImage } from "./api-image";
import { DocumentButtons } from "./document-buttons";
import { DocumentView } from "./document-view";

/** The 督导检查记录 print page: print and PDF buttons over the sheet. */
export function RecordView({ visitId, document }: { visitId: string; document: OfficialDocument }) {
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <DocumentButtons pdfHref={visitRecordPdfPath(visitId)} />
      </div>
      <DocumentView document={document} renderImage={apiImage} />
    </div>
  );
}
