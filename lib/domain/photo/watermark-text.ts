/** What the visible watermark on an inspection photo says: where, when (China time) and by whom. */
export type WatermarkInfo = {
  schoolName: string;
  /** Who took it, as printed: "督学 王建国" on inspection photos, "学校 …" on a school's evidence. */
  takenBy: string;
  /** When the photo was taken, epoch ms. */
  takenAt: number;
};

// China has one time zone and no DST; the IANA zone keeps this right however the device is set.
const CHINA_MINUTE = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-23 14:05": the instant as a China wall-clock time to the minute. */
export function toChinaMinute(epochMs: number): string {
  const part = Object.fromEntries(
    CHINA_MINUTE.formatToParts(epochMs).map((p) => [p.type, p.value]),
  );
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The watermark's lines, top to bottom. */
export function watermarkLines(info: WatermarkInfo): string[] {
  return [info.schoolName.trim(), `${toChinaMinute(info.takenAt)}　${info.takenBy.trim()}`];
}
