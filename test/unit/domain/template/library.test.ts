import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/domain/org/org.schema";
import {
  adoptionRefusal,
  forkCode,
  libraryGroups,
  offeredForNewVisits,
  type PinCandidate,
  pinRefusal,
  templateRight,
  versionList,
  versionStanding,
} from "@/lib/domain/template/library";
import { templateCodeSchema } from "@/lib/domain/template/template.schema";

import { aTemplate } from "@/test/helpers/builders/template";

const A = "0190a000-0000-7000-8000-00000000000a";
const B = "0190a000-0000-7000-8000-00000000000b";
const RETIRED_AT = Date.UTC(2026, 3, 1, 2, 0);
const HOUR = 60 * 60_000;

describe("templateRight", () => {
  it.each<[Role, string | null, string | null, string]>([
    ["admin", null, null, "manage"],
    ["admin", null, A, "manage"],
    ["office", A, A, "manage"],
    ["office", A, null, "read"],
    ["office", A, B, "none"],
    ["office", null, null, "read"],
    ["office", null, A, "none"],
    ["inspector", A, A, "read"],
    ["inspector", A, null, "read"],
    ["inspector", A, B, "none"],
    ["school", A, A, "none"],
    ["school", A, null, "none"],
  ])("%s of district %s on a template owned by %s: %s", (role, districtId, owner, right) => {
    expect(templateRight({ role, districtId }, owner)).toBe(right);
  });
});

describe("versionStanding", () => {
  const v1 = aTemplate({ version: 1 });
  const v2 = aTemplate({ version: 2 });
  const v3 = aTemplate({ version: 3, status: "retired" });

  it("marks the newest published version current and older published ones superseded", () => {
    expect([v3, v2, v1].map((v) => versionStanding(v, [v3, v2, v1]))).toEqual([
      "retired",
      "current",
      "superseded",
    ]);
  });

  it("has no current version when every version is retired", () => {
    const retired = [
      aTemplate({ version: 2, status: "retired" }),
      aTemplate({ status: "retired" }),
    ];
    expect(retired.map((v) => versionStanding(v, retired))).toEqual(["retired", "retired"]);
  });

  it("lists each version with its standing and item count", () => {
    expect(versionList([v2, v1], 1)).toEqual({
      versions: [
        {
          version: 2,
          status: "published",
          standing: "current",
          publishedAt: v2.publishedAt,
          itemCount: 1,
        },
        {
          version: 1,
          status: "published",
          standing: "superseded",
          publishedAt: v1.publishedAt,
          itemCount: 1,
        },
      ],
      adoptedVersion: 1,
    });
  });
});

describe("adoptionRefusal", () => {
  it("allows a first adoption and a move forward", () => {
    expect(adoptionRefusal(aTemplate({ version: 1 }), null)).toBeNull();
    expect(adoptionRefusal(aTemplate({ version: 3 }), 2)).toBeNull();
  });

  it.each([
    [
      "a retired version",
      aTemplate({ version: 2, status: "retired" }),
      null,
      "第 2 版已停用，不能采用",
    ],
    ["the version already adopted", aTemplate({ version: 2 }), 2, "本区已采用第 2 版"],
    ["a move back", aTemplate({ version: 1 }), 2, "本区已采用第 2 版，不能退回到较早的第 1 版"],
  ])("refuses %s", (_case, target, adopted, reason) => {
    expect(adoptionRefusal(target, adopted)).toBe(reason);
  });
});

describe("pinRefusal", () => {
  const national = (overrides: Partial<PinCandidate> = {}): PinCandidate => ({
    code: "fire",
    version: 1,
    status: "published",
    owner: null,
    retiredAt: null,
    adoptedVersion: 1,
    ...overrides,
  });

  it("lets a district pin its adopted version, an older one, and its own templates", () => {
    expect(pinRefusal(national(), A, RETIRED_AT)).toBeNull();
    expect(pinRefusal(national({ version: 1, adoptedVersion: 2 }), A, RETIRED_AT)).toBeNull();
    expect(
      pinRefusal(national({ code: "fire-a", owner: A, adoptedVersion: null }), A, RETIRED_AT),
    ).toBeNull();
  });

  it.each([
    [
      "another district's template",
      national({ code: "fire-b", owner: B }),
      "检查表 fire-b 不属于本区",
    ],
    [
      "a national template not adopted",
      national({ adoptedVersion: null }),
      "本区尚未采用检查表 fire 第 1 版",
    ],
    [
      "a version newer than the adopted one",
      national({ version: 2 }),
      "本区尚未采用检查表 fire 第 2 版",
    ],
    ["a draft", national({ status: "draft" }), "检查表 fire 第 1 版尚未发布"],
    [
      "a version retired before the visit began",
      national({ status: "retired", retiredAt: RETIRED_AT - HOUR }),
      "检查表 fire 第 1 版已停用，请重新下载检查包后再开始检查",
    ],
    [
      "a version retired at an unknown time",
      national({ status: "retired", retiredAt: null }),
      "检查表 fire 第 1 版已停用，请重新下载检查包后再开始检查",
    ],
  ])("refuses %s", (_case, candidate, reason) => {
    expect(pinRefusal(candidate, A, RETIRED_AT)).toBe(reason);
  });

  it("keeps a version retired after a phone offline since then began its visit", () => {
    const retiredLater = national({ status: "retired", retiredAt: RETIRED_AT + HOUR });
    expect(pinRefusal(retiredLater, A, RETIRED_AT)).toBeNull();
  });
});

describe("libraryGroups", () => {
  it("puts the district's own and adopted templates in 本区清单 and the rest of the national library in 国家库", () => {
    const entries = [
      { code: "fire", owner: null, adoptedVersion: 1 },
      { code: "fees", owner: null, adoptedVersion: null },
      { code: "fire-a", owner: A, adoptedVersion: null },
      { code: "fire-b", owner: B, adoptedVersion: null },
    ];
    const groups = libraryGroups(entries, A);
    expect(groups.district.map((e) => e.code)).toEqual(["fire", "fire-a"]);
    expect(groups.national.map((e) => e.code)).toEqual(["fees"]);
  });
});

describe("offeredForNewVisits", () => {
  const fire1 = aTemplate({ code: "fire", version: 1 });
  const fire2 = aTemplate({ code: "fire", version: 2 });
  const fees1 = aTemplate({ code: "fees", version: 1 });

  it("offers only the versions the last pack offered, not those kept for drafts", () => {
    expect(offeredForNewVisits([fire1, fire2, fees1], [{ code: "fire", version: 2 }])).toEqual([
      fire2,
    ]);
  });

  it("offers the newest published version per code for a pack that named none", () => {
    const retired = aTemplate({ code: "fees", version: 2, status: "retired" });
    expect(offeredForNewVisits([fire1, fire2, fees1, retired], null)).toEqual([fire2, fees1]);
  });
});

describe("forkCode", () => {
  it.each([
    ["fire", "demo", "fire-demo"],
    ["campus-safety", "Xihu District", "campus-safety-xihu-district"],
    ["fire", "区县", "fire-local"],
    ["school-management-and-double-reduction", "demo", "school-management-and-double-reduct-demo"],
  ])("copies %s for district %s as %s, a valid template code", (source, district, code) => {
    expect(forkCode(source, district)).toBe(code);
    expect(templateCodeSchema.safeParse(code).success).toBe(true);
  });
});
