import Link from "next/link";
import type { ReactNode } from "react";

import { noticePdfPath } from "@/lib/contracts/documents";
import { chinaDateTime } from "@/lib/domain/dates";
import type { OfficialDocument } from "@/lib/domain/documents/document";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";

import { apiImage } from "@/components/documents/api-image";
import { DocumentButtons } from "@/components/documents/document-buttons";
import { DocumentView } from "@/components/documents/document-view";
import { linkButtonClass } from "@/components/templates/link-button";

import { ItemDetails } from "./item-details";

export type NoticeViewItem = { item: RectificationItem; daysOverdue: number };

/**
 * A 整改通知书 as the school and the office see it: the printable sheet with its PDF, then each
 * item's progress (hidden in print) with the viewer's own actions under it.
 */
export function NoticeView({
  notice,
  document,
  qrSrc,
  recordHref,
  items,
  itemHref,
  actions,
}: {
  notice: { id: string; readAt: number | null };
  /** The notice as printed (lib/domain/documents), and its QR code as an image URL. */
  document: OfficialDocument;
  qrSrc: string | null;
  /** The 督导检查记录 of the visit behind the notice. */
  recordHref: string;
  items: readonly NoticeViewItem[];
  itemHref: (itemId: string) => string;
  /** The viewer's buttons for an item. */
  actions?: (item: RectificationItem) => ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <p className="text-sm text-slate-500">
          {notice.readAt === null
            ? "学校尚未查阅"
            : `学校已于 ${chinaDateTime(notice.readAt)} 查阅`}
        </p>
        <DocumentButtons pdfHref={noticePdfPath(notice.id)}>
          <Link href={recordHref} className={linkButtonClass("secondary")}>
            检查记录
          </Link>
        </DocumentButtons>
      </div>

      <DocumentView document={document} renderImage={apiImage} qrSrc={qrSrc} />

      <section aria-labelledby="progress-heading" className="space-y-3 print:hidden">
        <h2 id="progress-heading" className="text-lg font-semibold text-slate-900">
          逐项整改情况
        </h2>
        {items.map(({ item, daysOverdue }, index) => (
          <ItemDetails
            key={item.id}
            item={item}
            daysOverdue={daysOverdue}
            title={
              <Link
                href={itemHref(item.id)}
                className="hover:text-brand-700 underline underline-offset-4"
              >
                {index + 1}. {item.prompt}
              </Link>
            }
          >
            {actions?.(item)}
          </ItemDetails>
        ))}
      </section>
    </div>
  );
}
