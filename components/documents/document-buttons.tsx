import type { ReactNode } from "react";

import { linkButtonClass } from "@/components/templates/link-button";

import { PrintButton } from "./print-button";

/** 打印 and 下载 PDF over a document sheet (the 检查记录, the 整改通知书), after any `children` links. */
export function DocumentButtons({ pdfHref, children }: { pdfHref: string; children?: ReactNode }) {
  return (
    <div className="flex gap-2 print:hidden">
      {children}
      <PrintButton />
      <a href={pdfHref} target="_blank" rel="noreferrer" className={linkButtonClass("primary")}>
        下载 PDF
      </a>
    </div>
  );
}
