"use client";

import type { BodyInput } from "@/lib/contracts/contract";
import { orgContracts as org } from "@/lib/contracts/org";
import type { CredentialRow } from "@/lib/domain/org/people";

import { call } from "./api-client";

/**
 * The office's organisation and account calls (/api/org/…, /api/users/…): the only place the
 * people, zones and districts screens talk to the server.
 */
type Body<K extends keyof typeof org> = BodyInput<(typeof org)[K]>;

export const orgApi = {
  createUser: (body: Body<"createUser">) => call(org.createUser, { body }),
  updateUser: (id: string, body: Body<"updateUser">) =>
    call(org.updateUser, { params: { id }, body }),
  resetPassword: (id: string) => call(org.resetPassword, { params: { id } }),
  setActive: (id: string, active: boolean) =>
    call(active ? org.enableUser : org.disableUser, { params: { id } }),
  createSchoolAccounts: (body: Body<"createSchoolAccounts">) =>
    call(org.createSchoolAccounts, { body }),
  changePassword: (body: Body<"changePassword">) => call(org.changePassword, { body }),
  createZone: (districtId: string, name: string) =>
    call(org.createZone, { body: { districtId, name } }),
  updateZone: (id: string, body: Body<"updateZone">) =>
    call(org.updateZone, { params: { id }, body }),
  setZoneInspectors: (id: string, userIds: string[]) =>
    call(org.setZoneInspectors, { params: { id }, body: { userIds } }),
  moveSchool: (id: string, zoneId: string) =>
    call(org.moveSchool, { params: { id }, body: { zoneId } }),
  createCity: (body: Body<"createCity">) => call(org.createCity, { body }),
  createDistrict: (body: Body<"createDistrict">) => call(org.createDistrict, { body }),
  updateDistrict: (id: string, body: Body<"updateDistrict">) =>
    call(org.updateDistrict, { params: { id }, body }),

  /** Saves the printable credential sheet of accounts just opened (the server keeps no passwords). */
  async downloadCredentialSheet(rows: CredentialRow[]): Promise<string | null> {
    const sheet = await call(org.credentialSheet, { body: { rows } });
    if (!sheet.ok) return sheet.message;
    const url = URL.createObjectURL(sheet.data);
    const link = document.createElement("a");
    link.href = url;
    link.download = "学校账号.xlsx";
    link.click();
    URL.revokeObjectURL(url);
    return null;
  },
};
