"use client";

import {
  memo,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

import {
  nextUnanswered,
  progressOf,
  searchChecklist,
  type ChecklistSection,
  type ItemKey,
} from "@/lib/domain/visit/checklist";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { VisitActions, VisitContext } from "@/lib/hooks/use-visit";
import { useVisitSnapshot } from "@/lib/hooks/visit-snapshot";
import { cn } from "@/lib/utils/cn";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

import { ChecklistItemRow } from "./checklist-item-row";
import { SectionBulkPass } from "./section-bulk-pass";

const SectionHeader = memo(function SectionHeader({
  id,
  title,
  templateTitle,
  answered,
  total,
}: {
  id: string;
  title: string;
  templateTitle: string;
  answered: number;
  total: number;
}) {
  return (
    <div
      id={`section-${id}`}
      className="flex scroll-mt-40 items-baseline justify-between gap-2 px-1 pt-4 pb-2"
    >
      <h2 className="text-base font-semibold text-slate-800">
        {title}
        <span className="ml-2 text-xs font-normal text-slate-500">{templateTitle}</span>
      </h2>
      <span
        className={cn(
          "text-sm tabular-nums",
          answered === total ? "text-emerald-700" : "text-slate-500",
        )}
      >
        {answered}/{total}
      </span>
    </div>
  );
});

/** The sections that have rows among the first `rows` of the checklist, and how many each shows. */
function sectionsStarting(
  sections: readonly ChecklistSection[],
  rows: number,
): { section: ChecklistSection; rows: number }[] {
  const shown: { section: ChecklistSection; rows: number }[] = [];
  let left = rows;
  for (const section of sections) {
    if (left <= 0) break;
    shown.push({ section, rows: Math.min(left, section.keys.length) });
    left -= section.keys.length;
  }
  return shown;
}

type SectionBlockProps = {
  section: ChecklistSection;
  /** How many of its rows are shown yet (all but while the first frame's rows are painted). */
  rows: number;
  context: VisitContext;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  actions: VisitActions;
  isReadOnly: boolean;
  /** The item last jumped to, outlined where it is in this section. */
  highlighted: ItemKey | undefined;
  onTouch: (key: ItemKey) => void;
};

/** Whether a section shows the same: its own answers and its highlighted row are unchanged. */
function isSameSection(before: SectionBlockProps, after: SectionBlockProps): boolean {
  const { keys } = after.section;
  const highlightOf = (props: SectionBlockProps) =>
    props.highlighted !== undefined && keys.includes(props.highlighted)
      ? props.highlighted
      : undefined;
  return (
    before.section === after.section &&
    before.rows === after.rows &&
    before.context === after.context &&
    before.actions === after.actions &&
    before.isReadOnly === after.isReadOnly &&
    before.onTouch === after.onTouch &&
    highlightOf(before) === highlightOf(after) &&
    keys.every((key) => before.answers.get(key) === after.answers.get(key))
  );
}

/**
 * One section: its header with progress, "本节其余项符合" and its rows. Memoized on its own
 * answers, so a tap renders the tapped item's section and, within it, the tapped row only.
 */
const ChecklistSectionBlock = memo(function ChecklistSectionBlock({
  section,
  rows,
  context,
  answers,
  actions,
  isReadOnly,
  highlighted,
  onTouch,
}: SectionBlockProps) {
  const { checklist, policy, visitDate } = context;
  const { answered, total } = progressOf(checklist, answers, section.keys);
  return (
    <section aria-label={section.title} data-section-id={section.id}>
      <SectionHeader
        id={section.id}
        title={section.title}
        templateTitle={section.templateTitle}
        answered={answered}
        total={total}
      />
      {isReadOnly ? null : (
        <SectionBulkPass section={section} context={context} answers={answers} actions={actions} />
      )}
      <ul className="space-y-3">
        {section.keys.slice(0, rows).map((key) => {
          const entry = checklist.byKey.get(key);
          return entry ? (
            <ChecklistItemRow
              key={key}
              entry={entry}
              answer={answers.get(key)}
              actions={actions}
              policy={policy}
              visitDate={visitDate}
              isReadOnly={isReadOnly}
              isHighlighted={highlighted === key}
              onTouch={onTouch}
            />
          ) : null;
        })}
      </ul>
    </section>
  );
}, isSameSection);

/**
 * Rows use `content-visibility: auto`, so rows far away have an estimated height until they are
 * near the viewport; a smooth scroll aimed at a far section lands wherever the estimates put it.
 * Jump instantly and re-aim on the following frames until the target stops moving.
 */
function scrollToElement(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  let attempts = 0;
  const aim = () => {
    target.scrollIntoView({ block: "start" });
    const top = target.getBoundingClientRect().top;
    requestAnimationFrame(() => {
      attempts += 1;
      if (attempts < 10 && Math.abs(target.getBoundingClientRect().top - top) > 1) aim();
    });
  };
  aim();
}

type Panel = "none" | "search" | "sections";

/**
 * Rows in the first frame: a phone screen's worth (four or five rows at 390×844) and a margin. A
 * section of 25 items is far more than a screen, so the first section may show only its start.
 */
const FIRST_ROWS = 6;

/**
 * Rows added per task after the first ones. Rendering, committing and laying out all the rest at
 * once is one long task at 4× CPU throttle (hundreds of ms for 150 rows): the tap that comes then
 * waits for it. A dozen rows are a few tens of ms, so a tap waits at most that long.
 */
const ROWS_PER_TASK = 12;

/**
 * The first rows render with the page; once they are painted the rest follow a slice per task,
 * each a transition (a tap comes first), so no long task holds the first question or a tap. A
 * jump (下一未答, search, 目录, the submit view's list) shows everything first so its target exists.
 */
function useShownRows(total: number, showAll: boolean): [number, () => void] {
  const [shown, setShown] = useState(() => (showAll ? total : Math.min(total, FIRST_ROWS)));
  const isFirst = useRef(true);
  const isComplete = shown >= total;
  useEffect(() => {
    if (isComplete) return;
    const more = () =>
      startTransition(() => setShown((rows) => Math.min(total, rows + ROWS_PER_TASK)));
    let timer = 0;
    let frame = 0;
    if (isFirst.current) {
      // After the frame that shows the first rows, so they are painted before the rest.
      isFirst.current = false;
      frame = requestAnimationFrame(() => {
        timer = window.setTimeout(more);
      });
    } else {
      timer = window.setTimeout(more);
    }
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [isComplete, total, shown]);
  return [shown, useCallback(() => setShown(total), [total])];
}

/**
 * The checklist walk: every applicable item with big 符合/部分符合/不符合/不适用 targets, a
 * progress line per section, "下一未答", item search and a section index. Rows are memoized.
 */
export function ChecklistView({
  context,
  visit,
  answers,
  actions,
  jumpTarget,
  onJump,
  onSubmitView,
  onAllRowsShown,
}: {
  context: VisitContext;
  visit: Visit;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  actions: VisitActions;
  /** The item last jumped to (next unanswered, search, or the submit view's list): scrolled to and outlined. */
  jumpTarget: { key: ItemKey } | null;
  onJump: (key: ItemKey) => void;
  onSubmitView: () => void;
  /** Called once every row has been rendered (the page then loads what comes after them). */
  onAllRowsShown?: () => void;
}) {
  const { checklist, school } = context;
  const isReadOnly = visit.status !== "draft";
  const [panel, setPanel] = useState<Panel>("none");
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search);
  const lastTouched = useRef<ItemKey | null>(null);
  const [shownRows, showAllRows] = useShownRows(checklist.entries.length, jumpTarget !== null);
  const areAllRowsShown = shownRows >= checklist.entries.length;
  const {
    rootRef: snapshotRootRef,
    restRef: snapshotRestRef,
    hasCopy: hasSnapshot,
  } = useVisitSnapshot({
    visitId: visit.id,
    context,
    answers,
    actions,
    shownRows,
    areAllRowsShown,
  });
  useEffect(() => {
    if (areAllRowsShown) onAllRowsShown?.();
  }, [areAllRowsShown, onAllRowsShown]);
  const onTouch = useCallback((key: ItemKey) => {
    lastTouched.current = key;
  }, []);

  const jump = (key: ItemKey) => {
    setPanel("none");
    showAllRows();
    onJump(key);
  };

  useEffect(() => {
    if (jumpTarget === null) return;
    lastTouched.current = jumpTarget.key;
    // After the panel has closed, so the sticky bar has its final height.
    const frame = requestAnimationFrame(() => scrollToElement(`item-${jumpTarget.key}`));
    return () => cancelAnimationFrame(frame);
  }, [jumpTarget]);

  const total = progressOf(
    checklist,
    answers,
    checklist.entries.map((e) => e.key),
  );
  // Only the open 目录 lists every section's progress; a section's own header counts its own.
  const sectionProgress = useMemo(
    () =>
      panel === "sections"
        ? checklist.sections.map((section) => ({
            section,
            ...progressOf(checklist, answers, section.keys),
          }))
        : [],
    [checklist, answers, panel],
  );
  const matches = useMemo(() => searchChecklist(checklist, query).slice(0, 30), [checklist, query]);
  const isComplete = total.answered === total.total;
  const percent = total.total === 0 ? 100 : Math.round((total.answered / total.total) * 100);

  return (
    // Busy while later sections are still being added (tests and the bench wait for all of them).
    <div ref={snapshotRootRef} data-checklist aria-busy={!areAllRowsShown}>
      <div
        data-checklist-bar
        className="sticky top-14 z-10 -mx-4 border-b border-slate-200 bg-slate-50 px-4 pt-2 pb-2"
      >
        <div className="flex items-center justify-between gap-2">
          <p className="min-w-0 truncate text-sm font-medium text-slate-800">
            {school.name} · {VISIT_KIND_LABELS[visit.kind]}
          </p>
          <p className="shrink-0 text-sm text-slate-600 tabular-nums" aria-label="已答检查项">
            已答 {total.answered}/{total.total}
          </p>
        </div>
        <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
          {/* Not animated: a width transition lays out and paints every frame after each tap. */}
          <div className="bg-brand-600 h-full rounded-full" style={{ width: `${percent}%` }} />
        </div>
        <div className="mt-2 flex gap-1.5">
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={panel === "sections"}
            onClick={() => setPanel((p) => (p === "sections" ? "none" : "sections"))}
          >
            目录
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={panel === "search"}
            onClick={() => setPanel((p) => (p === "search" ? "none" : "search"))}
          >
            搜索
          </Button>
          <Button
            variant="secondary"
            size="sm"
            className="flex-1"
            disabled={isComplete}
            onClick={() => {
              const next = nextUnanswered(checklist, answers, lastTouched.current);
              if (next !== null) jump(next);
            }}
          >
            {isComplete ? "已全部作答" : "下一未答"}
          </Button>
          <Button size="sm" onClick={onSubmitView}>
            {isReadOnly ? "查看提交" : "签名提交"}
          </Button>
        </div>
        {panel === "search" ? (
          <div className="mt-2" data-snapshot-skip>
            <Input
              type="search"
              autoFocus
              aria-label="搜索检查项"
              placeholder="输入编号或关键词，如 消防、AQ-001"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {query.trim() !== "" ? (
              <ul className="mt-1 max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white">
                {matches.length === 0 ? (
                  <li className="px-3 py-2 text-sm text-slate-500">没有匹配的检查项</li>
                ) : null}
                {matches.map((key) => {
                  const entry = checklist.byKey.get(key);
                  return entry ? (
                    <li key={key}>
                      <button
                        type="button"
                        onClick={() => jump(key)}
                        className="block w-full px-3 py-2 text-left text-sm"
                      >
                        <span className="mr-1 font-mono text-xs text-slate-500">
                          {entry.item.code}
                        </span>
                        {entry.item.prompt}
                      </button>
                    </li>
                  ) : null;
                })}
              </ul>
            ) : null}
          </div>
        ) : null}
        {panel === "sections" ? (
          <ul
            data-snapshot-skip
            aria-label="检查表目录"
            className="mt-2 max-h-80 overflow-y-auto rounded-lg border border-slate-200 bg-white"
          >
            {sectionProgress.map(({ section, answered, total: count }) => (
              <li key={section.id}>
                <button
                  type="button"
                  onClick={() => {
                    setPanel("none");
                    showAllRows();
                    requestAnimationFrame(() => scrollToElement(`section-${section.id}`));
                  }}
                  className="flex w-full items-center justify-between gap-2 px-3 py-2.5 text-left text-sm"
                >
                  <span>
                    {section.title}
                    <span className="ml-1.5 text-xs text-slate-500">{section.templateTitle}</span>
                  </span>
                  <span
                    className={cn(
                      "tabular-nums",
                      answered === count ? "text-emerald-700" : "text-slate-500",
                    )}
                  >
                    {answered}/{count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {isReadOnly ? (
        <p className="mt-3 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          检查已提交，内容不能再修改。
        </p>
      ) : null}

      {sectionsStarting(checklist.sections, shownRows).map(({ section, rows }) => (
        <ChecklistSectionBlock
          key={section.id}
          section={section}
          rows={rows}
          context={context}
          answers={answers}
          actions={actions}
          isReadOnly={isReadOnly}
          highlighted={jumpTarget?.key}
          onTouch={onTouch}
        />
      ))}
      {/* The snapshot's rows not drawn here yet (useVisitSnapshot moves them in). */}
      {hasSnapshot ? <div ref={snapshotRestRef} className="mt-3" /> : null}
      <div className="py-6">
        <Button size="lg" className="w-full" onClick={onSubmitView}>
          {isReadOnly ? "查看提交内容" : "填写小结、签名并提交"}
        </Button>
      </div>
    </div>
  );
}
