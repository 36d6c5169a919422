"use client";

import { z } from "zod";

import { citySchema } from "@/lib/domain/org/org.schema";
import {
  type BulkSchoolAccountsResult,
  bulkSchoolAccountsResultSchema,
  type ChangePasswordInput,
  type CreateUserInput,
  type CredentialRow,
  districtViewSchema,
  oneTimeCredentialSchema,
  personSchema,
  zoneViewSchema,
} from "@/lib/domain/org/people";

import { type ApiResult, call, NETWORK_UNAVAILABLE, send } from "./api-client";

/**
 * The office's organisation and account calls (/api/org/…, /api/users/…): the only place the
 * people, zones and districts screens talk to the server.
 */
const ok = z.object({ ok: z.literal(true) });
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const orgApi = {
  createUser(input: Partial<CreateUserInput>) {
    return call(
      "/api/users",
      json("POST", input),
      z.object({ person: personSchema, credential: oneTimeCredentialSchema }),
    );
  },
  updateUser(userId: string, patch: { name?: string; phone?: string; zoneIds?: string[] }) {
    return call(`/api/users/${userId}`, json("PATCH", patch), z.object({ person: personSchema }));
  },
  resetPassword(userId: string) {
    return call(
      `/api/users/${userId}/reset-password`,
      json("POST"),
      z.object({ credential: oneTimeCredentialSchema }),
    );
  },
  setActive(userId: string, active: boolean) {
    return call(`/api/users/${userId}/${active ? "enable" : "disable"}`, json("POST"), ok);
  },
  createSchoolAccounts(
    input: { districtId: string } | { schoolIds: string[] },
  ): Promise<ApiResult<BulkSchoolAccountsResult>> {
    return call("/api/users/school-accounts", json("POST", input), bulkSchoolAccountsResultSchema);
  },
  changePassword(input: ChangePasswordInput) {
    return call("/api/users/me/password", json("POST", input), ok);
  },
  createZone(districtId: string, name: string) {
    return call(
      "/api/org/zones",
      json("POST", { districtId, name }),
      z.object({ zone: zoneViewSchema }),
    );
  },
  updateZone(zoneId: string, patch: { name?: string; active?: boolean }) {
    return call(`/api/org/zones/${zoneId}`, json("PATCH", patch), ok);
  },
  setZoneInspectors(zoneId: string, userIds: string[]) {
    return call(`/api/org/zones/${zoneId}/inspectors`, json("PUT", { userIds }), ok);
  },
  moveSchool(schoolId: string, zoneId: string) {
    return call(`/api/org/schools/${schoolId}/zone`, json("PUT", { zoneId }), ok);
  },
  createCity(input: { code: string; name: string }) {
    return call("/api/org/cities", json("POST", input), z.object({ city: citySchema }));
  },
  createDistrict(input: {
    code: string;
    name: string;
    noticePrefix: string;
    cityId: string | null;
  }) {
    return call(
      "/api/org/districts",
      json("POST", input),
      z.object({ district: districtViewSchema }),
    );
  },
  updateDistrict(districtId: string, patch: { cityId?: string | null; active?: boolean }) {
    return call(
      `/api/org/districts/${districtId}`,
      json("PATCH", patch),
      z.object({ district: districtViewSchema }),
    );
  },

  /** Saves the printable credential sheet of accounts just opened (the server keeps no passwords). */
  async downloadCredentialSheet(rows: CredentialRow[]): Promise<string | null> {
    const response = await send("/api/users/credential-sheet", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rows }),
    });
    if (!response) return NETWORK_UNAVAILABLE.message;
    if (!response.ok) return `下载失败（${response.status}），请稍后重试`;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = "学校账号.xlsx";
    link.click();
    URL.revokeObjectURL(url);
    return null;
  },
};
