import { chinaDateTime } from "@/lib/domain/dates";
import {
  type ChainVerification,
  occurredAtOf,
  type RectificationEvent,
} from "@/lib/domain/rectification/events";

import { describeEvents } from "./format";

function Time({ at, label }: { at: number; label?: string }) {
  return (
    <time className="text-xs text-slate-500" dateTime={new Date(at).toISOString()}>
      {label ? `${label} ` : null}
      {chinaDateTime(at)}
    </time>
  );
}

/**
 * When a step was recorded by the server and, for one recorded on a phone (a 复查 or a finding,
 * perhaps offline and synced later), when it happened on site: both, labelled, even when they
 * read alike, so the office can tell an on-site record from one made at a desk.
 */
function EventTimes({ event }: { event: RectificationEvent }) {
  const occurredAt = occurredAtOf(event);
  if (occurredAt === null) return <Time at={event.at} />;
  return (
    <>
      <Time at={occurredAt} label="现场" />
      <Time at={event.at} label="服务器" />
    </>
  );
}

/**
 * An item's history, oldest first, with the result of checking its hash chain: every step, who
 * took it, when, and what it said; a red warning names the first record that does not verify.
 */
export function ItemTimeline({
  events,
  verification,
  names,
}: {
  events: readonly RectificationEvent[];
  verification: ChainVerification;
  names: ReadonlyMap<string, string>;
}) {
  const described = describeEvents(events, names);
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
          处理记录
        </h2>
        {verification.ok ? (
          <p
            role="status"
            className="rounded-full bg-emerald-50 px-3 py-1 text-sm text-emerald-800"
          >
            ✓ 记录完整，未被篡改
          </p>
        ) : (
          <p
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-700"
          >
            ⚠ 记录校验未通过：第 {verification.brokenAt} 条记录异常（{verification.reason}）
          </p>
        )}
      </div>
      <ol aria-label="处理记录" className="relative space-y-4 border-l-2 border-slate-200 pl-5">
        {events.map((event, index) => {
          const text = described[index];
          if (!text) return null;
          return (
            <li key={event.id} className="relative">
              <span
                aria-hidden
                className="bg-brand-600 absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white"
              />
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-semibold text-slate-900">{text.title}</span>
                <span className="text-slate-600">
                  <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                    {text.role}
                  </span>
                  {text.actor}
                </span>
                <EventTimes event={event} />
                <span className="text-xs text-slate-500">#{event.seq}</span>
              </p>
              {text.details.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
                  {text.details.map((line) => (
                    <li key={line} className="break-words whitespace-pre-wrap">
                      {line}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
