import { chinaDateTime } from "../dates";

/** What the visible watermark on an inspection photo says: where, when (China time) and by whom. */
export type WatermarkInfo = {
  schoolName: string;
  /** Who took it, as printed: "督学 王建国" on inspection photos, "学校 …" on a school's evidence. */
  takenBy: string;
  /** When the photo was taken, epoch ms. */
  takenAt: number;
};

/** The watermark's lines, top to bottom. */
export function watermarkLines(info: WatermarkInfo): string[] {
  return [info.schoolName.trim(), `${chinaDateTime(info.takenAt)}　${info.takenBy.trim()}`];
}
