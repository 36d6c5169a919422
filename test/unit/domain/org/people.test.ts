import { describe, expect, it } from "vitest";

import {
  districtAccess,
  orgScopeFor,
  readableDistrictIds,
  canCreateRole,
} from "@/lib/domain/org/org-scope";
import {
  auditDiff,
  changePasswordInputSchema,
  createUserInputSchema,
  ONE_TIME_PASSWORD_LENGTH,
  oneTimePassword,
  schoolAccountUsername,
  uniqueUsername,
  updateUserInputSchema,
} from "@/lib/domain/org/people";

const A = "0190a8c0-0000-7000-8000-00000000000a";
const B = "0190a8c0-0000-7000-8000-00000000000b";

describe("orgScopeFor and districtAccess", () => {
  const cases = [
    { who: "admin", user: { role: "admin", districtId: null }, a: "write", b: "write" },
    { who: "office of A", user: { role: "office", districtId: A }, a: "write", b: "none" },
    {
      who: "city office of A and B",
      user: { role: "city", districtId: null },
      a: "read",
      b: "read",
    },
    { who: "inspector of A", user: { role: "inspector", districtId: A }, a: "none", b: "none" },
    { who: "school of A", user: { role: "school", districtId: A }, a: "none", b: "none" },
    {
      who: "office bound to no district",
      user: { role: "office", districtId: null },
      a: "none",
      b: "none",
    },
  ] as const;
  it.each(cases)("$who: district A → $a, district B → $b", ({ user, a, b }) => {
    const scope = orgScopeFor(user, user.role === "city" ? [A, B] : []);
    expect([districtAccess(scope, A), districtAccess(scope, B)]).toEqual([a, b]);
  });

  it("a district-less record is the admin's alone", () => {
    expect(districtAccess(orgScopeFor({ role: "admin", districtId: null }, []), null)).toBe(
      "write",
    );
    expect(districtAccess(orgScopeFor({ role: "office", districtId: A }, []), null)).toBe("none");
  });

  it("lists every district for the admin, the city's for a city office", () => {
    expect(readableDistrictIds(orgScopeFor({ role: "admin", districtId: null }, []))).toBeNull();
    expect(readableDistrictIds(orgScopeFor({ role: "city", districtId: null }, [A, B]))).toEqual([
      A,
      B,
    ]);
    expect(readableDistrictIds(orgScopeFor({ role: "school", districtId: A }, []))).toEqual([]);
  });

  it("lets an office open office, inspector and school accounts only; a city office none", () => {
    const office = orgScopeFor({ role: "office", districtId: A }, []);
    expect(
      ["office", "inspector", "school", "city", "admin"].map((r) =>
        canCreateRole(office, r as never),
      ),
    ).toEqual([true, true, true, false, false]);
    const city = orgScopeFor({ role: "city", districtId: null }, [A]);
    expect(canCreateRole(city, "inspector")).toBe(false);
    expect(canCreateRole(orgScopeFor({ role: "admin", districtId: null }, []), "city")).toBe(true);
  });
});

describe("oneTimePassword", () => {
  it("draws 10 characters without look-alikes from the random bytes", () => {
    let next = 0;
    const password = oneTimePassword((n) => Uint8Array.from({ length: n }, () => next++ % 256));
    expect(password).toHaveLength(ONE_TIME_PASSWORD_LENGTH);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(password).toBe("ABCDEFGHJK");
  });

  it("skips bytes that would bias the choice", () => {
    let call = 0;
    const password = oneTimePassword((n) =>
      Uint8Array.from({ length: n }, () => (call++ < 20 ? 255 : 0)),
    );
    expect(password).toBe("AAAAAAAAAA");
  });
});

describe("school account usernames", () => {
  it("come from the school code", () => {
    expect(schoolAccountUsername("S01")).toBe("school_s01");
    expect(schoolAccountUsername("7")).toBe("school_007");
    expect(schoolAccountUsername("3201-A")).toBe("school_3201a");
  });
  it("get a suffix when the name is taken", () => {
    expect(uniqueUsername("school_s01", new Set())).toBe("school_s01");
    expect(uniqueUsername("school_s01", new Set(["school_s01", "school_s01_2"]))).toBe(
      "school_s01_3",
    );
  });
});

describe("createUserInputSchema", () => {
  const valid = {
    username: "Zhou.Inspector",
    name: "周督学",
    role: "inspector",
    districtId: A,
    zoneIds: [],
  };
  it("accepts an inspector of a district, lower-casing the username", () => {
    expect(createUserInputSchema.parse(valid)).toMatchObject({
      username: "zhou.inspector",
      phone: "",
      schoolId: null,
    });
  });
  it.each([
    [{ ...valid, username: "ab" }, "username", "用户名至少 3 个字符"],
    [{ ...valid, username: "zhou-li" }, "username", "用户名只能包含字母、数字、下划线和点"],
    [{ ...valid, name: " " }, "name", "请填写姓名"],
    [{ ...valid, phone: "电话" }, "phone", "手机号格式不正确"],
    [{ ...valid, role: "boss" }, "role", "无效的角色"],
    [{ ...valid, districtId: null }, "districtId", "请选择所属区县"],
    [{ ...valid, role: "school", districtId: null }, "schoolId", "请选择学校"],
    [{ ...valid, role: "city", districtId: null }, "cityId", "请选择所属市"],
    [{ ...valid, role: "office", zoneIds: [B] }, "zoneIds", "只有督学可以分配督学责任区"],
  ])("refuses %o at %s", (input, field, message) => {
    const result = createUserInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: [field], message })]),
    );
  });
});

describe("updateUserInputSchema", () => {
  it("takes name, phone and zones", () => {
    expect(updateUserInputSchema.parse({ name: "周督学", zoneIds: [A] })).toEqual({
      name: "周督学",
      zoneIds: [A],
    });
  });
  it.each([{ username: "x_y" }, { role: "admin" }, { schoolId: A }, { districtId: A }])(
    "refuses identity field %o",
    (input) => {
      expect(updateUserInputSchema.safeParse(input).error?.issues[0]?.message).toBe(
        "只能修改姓名、手机号和督学责任区",
      );
    },
  );
});

describe("changePasswordInputSchema", () => {
  const valid = {
    currentPassword: "old-pass-1",
    newPassword: "new-pass-12",
    confirmPassword: "new-pass-12",
  };
  it("accepts a new password confirmed twice", () => {
    expect(changePasswordInputSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    [
      { ...valid, newPassword: "short", confirmPassword: "short" },
      "newPassword",
      "新密码至少 8 个字符",
    ],
    [{ ...valid, confirmPassword: "other-pass" }, "confirmPassword", "两次输入的新密码不一致"],
    [
      { ...valid, newPassword: "old-pass-1", confirmPassword: "old-pass-1" },
      "newPassword",
      "新密码不能与当前密码相同",
    ],
    [{ ...valid, currentPassword: "" }, "currentPassword", "请输入当前密码"],
  ])("refuses %o at %s", (input, field, message) => {
    expect(changePasswordInputSchema.safeParse(input).error?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: [field], message })]),
    );
  });
});

describe("auditDiff", () => {
  it("keeps only what changed, before → after", () => {
    expect(
      auditDiff({ name: "甲", phone: "1", zoneIds: [A, B] }, { name: "乙", zoneIds: [B, A] }),
    ).toEqual({
      before: { name: "甲" },
      after: { name: "乙" },
    });
  });
  it("is null when nothing changed", () => {
    expect(auditDiff({ name: "甲" }, { name: "甲" })).toBeNull();
    expect(auditDiff({ name: "甲" }, {})).toBeNull();
  });
  it("shows a cleared value as null", () => {
    expect(auditDiff({ cityId: A }, { cityId: null })).toEqual({
      before: { cityId: A },
      after: { cityId: null },
    });
  });
});
