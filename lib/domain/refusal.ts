/**
 * How the system says no, everywhere: a code a program can act on and a Chinese message a person
 * reads. The domain, the server's services, the sync push and the phone's conflict list all carry
 * this one shape; the server maps the code to an HTTP status (lib/server/refusal.ts).
 */
import { z } from "zod";

export const REFUSAL_CODES = [
  /** Not signed in. */
  "unauthorized",
  /** Signed in with the initial password: it must be changed first. */
  "password_change_required",
  /** Not this person's call (role, scope, a read-only account). */
  "forbidden",
  /** A write sent from another site. */
  "cross_site",
  /** Does not exist, or is out of the caller's scope (ids reveal nothing). */
  "not_found",
  /** The record's state does not allow it (already submitted, still in use, a name taken). */
  "conflict",
  /** Someone changed the record since the client read it; read it again first. */
  "stale_version",
  /** The content breaks a rule (a schema, a domain check). */
  "invalid_input",
  /** A photo the change refers to has not reached the server yet; send it again later. */
  "photo_missing",
  /** The uploaded bytes do not hash to the photo's id (a damaged upload). */
  "hash_mismatch",
  /** Not a JPEG, PNG or WebP image. */
  "not_an_image",
  /** A body of a type the endpoint does not read. */
  "unsupported_media_type",
  /** A body over the endpoint's limit. */
  "too_large",
  /** A storage quota is used up. */
  "quota_exceeded",
  /** Too many requests in a while; try again later. */
  "rate_limited",
  /** The database cannot be reached right now. */
  "database_unavailable",
  /** Anything else that went wrong on the server. */
  "internal_error",
  /** No answer came (offline, a dropped connection): the client's own, never sent by the server. */
  "network_unavailable",
] as const;

export const refusalCodeSchema = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof refusalCodeSchema>;

export const refusalSchema = z.object({
  code: refusalCodeSchema,
  /** Chinese, shown to the user as is. */
  message: z.string().min(1),
});
export type Refusal = z.infer<typeof refusalSchema>;

/** A failed outcome: `{ ok: false }` plus the refusal, so results narrow on `ok`. */
export type Refused = { ok: false } & Refusal;

/** What a service answers: its value, or why not. */
export type Outcome<T> = { ok: true; value: T } | Refused;

export function done<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** The outcome with its value turned into `f(value)`; a refusal passes through. */
export function mapOutcome<T, U>(outcome: Outcome<T>, f: (value: T) => U): Outcome<U> {
  return outcome.ok ? done(f(outcome.value)) : outcome;
}

export function refusal(code: RefusalCode, message: string): Refusal {
  return { code, message };
}

export function refused(code: RefusalCode, message: string): Refused {
  return { ok: false, code, message };
}

/** Just the refusal of a failed outcome (what is sent and stored). */
export function refusalOf({ code, message }: Refusal): Refusal {
  return { code, message };
}

export { REFUSAL_ADVICE } from "./refusal.labels";
