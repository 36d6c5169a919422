import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { pathOf } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { planContracts } from "@/lib/contracts/plans";
import { rectificationActRequestSchema } from "@/lib/contracts/rectification";
import { schoolContracts } from "@/lib/contracts/schools";
import { templateContracts } from "@/lib/contracts/templates";
import { call } from "@/lib/hooks/api-client";

describe("pathOf", () => {
  it("fills each parameter, encoded, and appends the query's present values", () => {
    expect(pathOf(templateContracts.retire, { params: { code: "a b/c", version: 3 } })).toBe(
      "/api/templates/a%20b%2Fc/versions/3/retire",
    );
    expect(
      pathOf(planContracts.coverage, {
        query: { month: "2027-03", zoneId: undefined, missing: "" },
      }),
    ).toBe("/api/office/coverage?month=2027-03");
    expect(pathOf(orgContracts.listCities)).toBe("/api/org/cities");
  });

  it("refuses to build a path with a parameter missing", () => {
    expect(() => pathOf(orgContracts.updateUser, { params: {} })).toThrow("缺少参数 id");
  });
});

describe("contract schemas", () => {
  it("say what is wrong with a body in Chinese", () => {
    const parsed = orgContracts.createUser.body.safeParse({ role: "inspector" });
    expect(parsed.success).toBe(false);
    for (const issue of parsed.error?.issues ?? [])
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("take the rectification action's body from the mutation's args", () => {
    expect(Object.keys(rectificationActRequestSchema.shape).sort()).toEqual([
      "action",
      "expectedVersion",
    ]);
    const bad = rectificationActRequestSchema.safeParse({
      action: { type: "acknowledge" },
      expectedVersion: 0,
    });
    expect(bad.error?.issues.map((issue) => issue.message)).toContain("无效的版本号");
  });
});

describe("call", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal("fetch", fetchMock));
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it("sends the contract's method, path and JSON body, and parses the answer", async () => {
    fetchMock.mockResolvedValue(Response.json({ ok: true }));
    const result = await call(orgContracts.moveSchool, {
      params: { id: "s-1" },
      body: { zoneId: "z-1" },
    });
    expect(result).toEqual({ ok: true, data: { ok: true } });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe("/api/org/schools/s-1/zone");
    expect(init?.method).toBe("PUT");
    expect(init?.body).toBe(JSON.stringify({ zoneId: "z-1" }));
  });

  it("sends a file's text as it is", async () => {
    fetchMock.mockResolvedValue(
      Response.json({ error: "invalid_input", message: "导入的模板有误" }, { status: 422 }),
    );
    await call(templateContracts.importFile, { body: "not json" });
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe("not json");
  });

  it("sends a file as it is with its own type, and gives an import's errors by row", async () => {
    const rows = [{ row: 3, column: "学段", message: "无法识别的学段“初级中学”" }];
    fetchMock.mockResolvedValue(
      Response.json(
        { error: "invalid_input", message: "文件中有 1 处错误", rows },
        { status: 422 },
      ),
    );
    const file = new Blob(["代码,名称"], { type: "text/csv" });
    const result = await call(schoolContracts.importPreview, {
      query: { districtId: undefined },
      body: file,
    });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe("/api/org/schools/import/preview");
    expect(init?.body).toBe(file);
    expect(new Headers(init?.headers).get("content-type")).toBe("text/csv");
    expect(result).toMatchObject({ ok: false, status: 422, message: "文件中有 1 处错误", rows });
  });

  it("gives the server's refusal with the first message per field", async () => {
    const body = {
      error: "invalid_input",
      message: "请填写姓名",
      issues: [
        { path: ["name"], message: "请填写姓名" },
        { path: ["name"], message: "姓名过长" },
        { path: ["role"], message: "请选择角色" },
      ],
    };
    fetchMock.mockResolvedValue(Response.json(body, { status: 422 }));
    const result = await call(orgContracts.createCity, { body: { code: "", name: "" } });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      code: "invalid_input",
      message: "请填写姓名",
      fieldErrors: { name: "请填写姓名", role: "请选择角色" },
    });
  });

  it("says the network is unavailable when no answer comes", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const result = await call(orgContracts.listCities);
    expect(result).toMatchObject({ ok: false, status: 0, code: "network_unavailable" });
  });
});
