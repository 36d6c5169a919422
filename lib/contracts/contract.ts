/**
 * One contract per endpoint, shared by the route handler (lib/server/contract-route.ts) and the
 * browser (lib/hooks/api-client.ts `call`): its method, its path with `:name` parameters, the zod
 * schemas of its body, query and answer, and the error body every endpoint answers a refusal with.
 * The schemas are the entity schemas of lib/domain; nothing here is server- or browser-only.
 */
import { z } from "zod";

import { schoolImportErrorSchema } from "@/lib/domain/org/school-import";
import { refusalCodeSchema } from "@/lib/domain/refusal";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type SuccessStatus = 200 | 201;

export type Contract = {
  method: Method;
  /** `/api/users/:id`: each `:name` is filled from the call's params. */
  path: string;
  /**
   * The JSON body's schema; `"text"` for a text file sent as it is (the server reports its errors);
   * `"file"` for bytes sent with their own type (a photo, a spreadsheet), which the route reads
   * within its own limit.
   */
  body?: z.ZodType | "text" | "file";
  query?: z.ZodType;
  /** The JSON answer's schema, or `"file"` for a generated file (a sheet, a PDF). */
  response: z.ZodType | "file";
  /** The success status (201 for a creation); 200 when absent. */
  status?: SuccessStatus;
};

/** Declares a contract, keeping its literal path and schemas in the type. */
export function contract<const C extends Contract>(spec: C): C {
  return spec;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path's parameters as the server reads them. */
export type PathParams<C extends Contract> = { [K in ParamNames<C["path"]>]: string };

type SchemaInput<S> = S extends z.ZodType
  ? z.input<S>
  : S extends "text"
    ? string
    : S extends "file"
      ? Blob
      : never;
type SchemaOutput<S> = S extends z.ZodType ? z.output<S> : S extends "text" ? string : undefined;

/** What a handler answers with: the answer before parsing (Dates, defaults), typed by the schema. */
export type ResponseInput<C extends Contract> = C["response"] extends z.ZodType
  ? z.input<C["response"]>
  : Response;
/** What the browser gets: the parsed answer, or the file's bytes. */
export type ResponseOutput<C extends Contract> = C["response"] extends z.ZodType
  ? z.output<C["response"]>
  : Blob;
export type BodyInput<C extends Contract> = SchemaInput<C["body"]>;
export type BodyOutput<C extends Contract> = SchemaOutput<C["body"]>;
export type QueryOutput<C extends Contract> = SchemaOutput<C["query"]>;

/** What the browser passes to `call`: only the parts the contract has, each typed by its schema. */
export type CallInput<C extends Contract> = ([ParamNames<C["path"]>] extends [never]
  ? { params?: never }
  : { params: { [K in ParamNames<C["path"]>]: string | number } }) &
  (C["body"] extends z.ZodType | "text" | "file"
    ? { body: SchemaInput<C["body"]> }
    : { body?: never }) &
  (C["query"] extends z.ZodType ? { query?: SchemaInput<C["query"]> } : { query?: never });

/** `call`'s arguments after the contract: the input, optional where every part of it is. */
export type CallArgs<C extends Contract> =
  Partial<CallInput<C>> extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>];

/** The contract's path with its parameters filled in (each encoded) and the query appended. */
export function pathOf<C extends Contract>(
  spec: C,
  { params, query }: { params?: Record<string, string | number>; query?: unknown } = {},
): string {
  const path = spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${spec.path} 缺少参数 ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** The error body every endpoint answers a refusal with (lib/server/refusal.ts). */
export const errorBodySchema = z.object({
  error: refusalCodeSchema,
  message: z.string().min(1),
  /** A template import's errors, item by item. */
  errors: z.array(z.string()).optional(),
  /** A school import's errors, by row and column of the spreadsheet. */
  rows: z.array(schoolImportErrorSchema).optional(),
  /** zod's issues for a body or query that failed its schema. */
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The answer of a write whose result the caller already knows. */
export const okSchema = z.object({ ok: z.literal(true) });
export const OK: z.infer<typeof okSchema> = { ok: true };
