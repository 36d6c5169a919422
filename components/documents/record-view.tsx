import { visitRecordPdfPath } from "@/lib/contracts/documents";
import type { OfficialDocument } from "@/lib/domain/documents/document";

import { PrintButton } from "@/components/rectification/print-button";
import { linkButtonClass } from "@/components/templates/link-button";

import { apiImage } from "./api-image";
import { DocumentView } from "./document-view";

/** The 督导检查记录 print page: print and PDF buttons over the sheet. */
export function RecordView({ visitId, document }: { visitId: string; document: OfficialDocument }) {
  return (
    <div className="space-y-6">
      <div className="flex justify-end gap-2 print:hidden">
        <PrintButton />
        <a
          href={visitRecordPdfPath(visitId)}
          target="_blank"
          rel="noreferrer"
          className={linkButtonClass("primary")}
        >
          下载 PDF
        </a>
      </div>
      <DocumentView document={document} renderImage={apiImage} />
    </div>
  );
}
