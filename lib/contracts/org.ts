/** The organisation and account endpoints (/api/org/…, /api/users/…). */
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { citySchema } from "@/lib/domain/org/org.schema";
import {
  auditEntrySchema,
  auditQuerySchema,
  bulkSchoolAccountsInputSchema,
  bulkSchoolAccountsResultSchema,
  changePasswordInputSchema,
  createCityInputSchema,
  createUserInputSchema,
  credentialSheetInputSchema,
  districtInputSchema,
  districtViewSchema,
  moveSchoolInputSchema,
  oneTimeCredentialSchema,
  peopleQuerySchema,
  personSchema,
  updateCityInputSchema,
  updateDistrictInputSchema,
  updateUserInputSchema,
  updateZoneInputSchema,
  zoneInputSchema,
  zoneInspectorsInputSchema,
  zoneViewSchema,
} from "@/lib/domain/org/people";

import { contract, okSchema } from "./contract";

const citiesPath = "/api/org/cities";
const districtsPath = "/api/org/districts";
const zonesPath = "/api/org/zones";
const usersPath = "/api/users";
const cityAnswer = z.object({ city: citySchema });
const districtAnswer = z.object({ district: districtViewSchema });
const personAnswer = z.object({ person: personSchema });
const credentialAnswer = z.object({ credential: oneTimeCredentialSchema });

export const orgContracts = {
  listCities: contract({
    method: "GET",
    path: citiesPath,
    response: z.object({ cities: z.array(citySchema) }),
  }),
  createCity: contract({
    method: "POST",
    path: citiesPath,
    body: createCityInputSchema,
    response: cityAnswer,
    status: 201,
  }),
  updateCity: contract({
    method: "PATCH",
    path: `${citiesPath}/:id`,
    body: updateCityInputSchema,
    response: cityAnswer,
  }),

  listDistricts: contract({
    method: "GET",
    path: districtsPath,
    response: z.object({ districts: z.array(districtViewSchema) }),
  }),
  createDistrict: contract({
    method: "POST",
    path: districtsPath,
    body: districtInputSchema,
    response: districtAnswer,
    status: 201,
  }),
  updateDistrict: contract({
    method: "PATCH",
    path: `${districtsPath}/:id`,
    body: updateDistrictInputSchema,
    response: districtAnswer,
  }),

  listZones: contract({
    method: "GET",
    path: zonesPath,
    query: z.object({ districtId: idSchema.optional() }),
    response: z.object({ zones: z.array(zoneViewSchema) }),
  }),
  createZone: contract({
    method: "POST",
    path: zonesPath,
    body: zoneInputSchema,
    response: z.object({ zone: zoneViewSchema }),
    status: 201,
  }),
  updateZone: contract({
    method: "PATCH",
    path: `${zonesPath}/:id`,
    body: updateZoneInputSchema,
    response: okSchema,
  }),
  setZoneInspectors: contract({
    method: "PUT",
    path: `${zonesPath}/:id/inspectors`,
    body: zoneInspectorsInputSchema,
    response: okSchema,
  }),
  moveSchool: contract({
    method: "PUT",
    path: "/api/org/schools/:id/zone",
    body: moveSchoolInputSchema,
    response: okSchema,
  }),

  audit: contract({
    method: "GET",
    path: "/api/org/audit",
    query: auditQuerySchema,
    response: z.object({
      entries: z.array(auditEntrySchema),
      total: z.number().int().nonnegative(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  }),

  listPeople: contract({
    method: "GET",
    path: usersPath,
    query: peopleQuerySchema,
    response: z.object({ people: z.array(personSchema) }),
  }),
  createUser: contract({
    method: "POST",
    path: usersPath,
    body: createUserInputSchema,
    response: personAnswer.extend({ credential: oneTimeCredentialSchema }),
    status: 201,
  }),
  updateUser: contract({
    method: "PATCH",
    path: `${usersPath}/:id`,
    body: updateUserInputSchema,
    response: personAnswer,
  }),
  resetPassword: contract({
    method: "POST",
    path: `${usersPath}/:id/reset-password`,
    response: credentialAnswer,
  }),
  disableUser: contract({ method: "POST", path: `${usersPath}/:id/disable`, response: okSchema }),
  enableUser: contract({ method: "POST", path: `${usersPath}/:id/enable`, response: okSchema }),
  createSchoolAccounts: contract({
    method: "POST",
    path: `${usersPath}/school-accounts`,
    body: bulkSchoolAccountsInputSchema,
    response: bulkSchoolAccountsResultSchema,
    status: 201,
  }),
  /** The printable sheet (xlsx) of credentials just shown: the server keeps no passwords. */
  credentialSheet: contract({
    method: "POST",
    path: `${usersPath}/credential-sheet`,
    body: credentialSheetInputSchema,
    response: "file",
  }),
  changePassword: contract({
    method: "POST",
    path: `${usersPath}/me/password`,
    body: changePasswordInputSchema,
    response: okSchema,
  }),
};
