import { describe, expect, it } from "vitest";

import { needsIosInstall } from "@/lib/utils/platform";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const IPAD_DESKTOP_MODE =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

describe("needsIosInstall", () => {
  it.each([
    ["is true for an iPhone in Safari", IPHONE_SAFARI, 5, false, true],
    ["is false when already on the home screen", IPHONE_SAFARI, 5, true, false],
    ["is true for an iPad that reports itself as a Mac", IPAD_DESKTOP_MODE, 5, false, true],
    ["is false for a Mac without touch", IPAD_DESKTOP_MODE, 0, false, false],
    ["is false for an Android phone", ANDROID_CHROME, 5, false, false],
  ])("%s", (_case, userAgent, maxTouchPoints, isStandalone, expected) => {
    expect(needsIosInstall({ userAgent, maxTouchPoints, isStandalone })).toBe(expected);
  });
});
