import { z } from "zod";

import "./zod-locale";

/** Every entity id is a UUIDv7 string generated where the entity is created (often a phone). */
export const idSchema = z.uuid({ version: "v7", message: "无效的编号" });
export type Id = z.infer<typeof idSchema>;
