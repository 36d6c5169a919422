"use client";

/**
 * One ECharts chart, tree-shaken: only `echarts/core` with the bar and line charts, the grid,
 * legend and tooltip, and the canvas renderer. Imported only by office pages, so the inspector
 * and school bundles never carry it. Clicking a bar or point opens the ledger filtered to it; the
 * same links stand in the table under the chart, for keyboards and screen readers.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartSeries = {
  name: string;
  type: "bar" | "line";
  color: string;
  values: number[];
  /** The ledger link of each value, by category; null when the value has none. */
  links: (string | null)[];
  stack?: string;
};

export function EChart({
  title,
  categories,
  series,
  height = 240,
  horizontal = false,
}: {
  title: string;
  categories: string[];
  series: ChartSeries[];
  height?: number;
  horizontal?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "canvas" });
    const categoryAxis = {
      type: "category" as const,
      data: categories,
      axisLabel: { interval: 0 },
    };
    const valueAxis = { type: "value" as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({
        name: s.name,
        type: s.type,
        stack: s.stack,
        data: s.values,
        itemStyle: { color: s.color },
        lineStyle: s.type === "line" ? { color: s.color } : undefined,
        cursor: "pointer",
      })),
    });
    chart.on("click", (event) => {
      const href = series[event.seriesIndex ?? -1]?.links[event.dataIndex];
      if (href) router.push(href);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [categories, series, horizontal, router]);

  return (
    <figure
      aria-label={title}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <figcaption className="mb-2 font-medium text-slate-900">{title}</figcaption>
      <div ref={box} style={{ height }} aria-hidden="true" />
      <div className="mt-2 max-h-48 overflow-auto">
        <table className="w-full text-left text-xs text-slate-600">
          <thead>
            <tr>
              <th className="py-1 pr-2 font-medium">{""}</th>
              {series.map((s) => (
                <th key={s.name} className="py-1 pr-2 text-right font-medium">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr key={category} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {category}
                </th>
                {series.map((s) => {
                  const href = s.links[i];
                  const value = s.values[i] ?? 0;
                  return (
                    <td key={s.name} className="py-1 pr-2 text-right">
                      {href ? (
                        <Link
                          href={href}
                          aria-label={`${category} ${s.name} ${value}`}
                          className="text-brand-700 hover:underline"
                        >
                          {value}
                        </Link>
                      ) : (
                        value
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
