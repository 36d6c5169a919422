/**
 * zod's own messages (a missing field, a wrong type) in Chinese, for every schema in the code base:
 * every schema module imports this (most through ids.ts). Messages a schema sets itself still win.
 */
import { z } from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";

z.config(zhCN());
