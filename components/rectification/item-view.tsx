import Link from "next/link";
import type { ReactNode } from "react";

import type { ChainVerification, RectificationEvent } from "@/lib/domain/rectification/events";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";

import { ItemDetails } from "./item-details";
import { ItemTimeline } from "./item-timeline";

export type ItemViewData = {
  item: RectificationItem;
  schoolName: string;
  zoneName: string;
  noticeNumber: string | null;
  daysOverdue: number;
  reviewOverdueDays?: number;
  events: RectificationEvent[];
  verification: ChainVerification;
};

/** One 整改事项 with its history: the same page for the school and the office, with their own actions. */
export function ItemView({
  data,
  names,
  noticeHref,
  actions,
}: {
  data: ItemViewData;
  names: ReadonlyMap<string, string>;
  noticeHref: string | null;
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-500">
        {data.schoolName} · {data.zoneName}
        {data.noticeNumber !== null && noticeHref !== null ? (
          <>
            {" · "}
            <Link href={noticeHref} className="text-brand-700 underline underline-offset-4">
              {data.noticeNumber}
            </Link>
          </>
        ) : null}
      </p>
      <ItemDetails
        item={data.item}
        daysOverdue={data.daysOverdue}
        reviewOverdueDays={data.reviewOverdueDays}
      >
        {actions}
      </ItemDetails>
      <ItemTimeline events={data.events} verification={data.verification} names={names} />
    </div>
  );
}
