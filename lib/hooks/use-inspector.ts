"use client";

/**
 * Who is using the inspector app, online or not. The inspector pages are static shells served by
 * the service worker, so the server never checks the session when they load: this hook does. It
 * asks /api/me when the network answers and otherwise trusts the last confirmed inspector on this
 * device (kept in localStorage: a tiny cache of who signed in, never user data). Every API call
 * still checks the session on the server, so this decides only what the screen shows.
 */
import { useEffect, useSyncExternalStore } from "react";

import { ME } from "@/lib/contracts/session";
import { CHANGE_PASSWORD_PATH, ROLES } from "@/lib/domain/org/org.labels";
import type { User } from "@/lib/domain/org/org.schema";
import { hasKeys, USER_KEYS } from "@/lib/domain/required-keys";

import { send } from "./api-send";
import { clearVisitSnapshot } from "./visit-snapshot";

export type InspectorSession =
  | { status: "checking" }
  /** `isConfirmed` = the server said so just now; false = from this device's cache, offline. */
  | { status: "signed-in"; user: User; isConfirmed: boolean }
  | { status: "signed-out" }
  | { status: "wrong-role"; user: User };

const CACHE_KEY = "duxue.inspector";

/**
 * The user /api/me answers with (its contract: `syncContracts.me`, userSchema) and this device
 * cached, as far as the screens use it: every key of the schema and a known role. A cheap check
 * rather than the parse, so the role check on the first screen loads no zod (issue #10); it
 * decides only what the screen shows, and the server checks every call.
 */
function asUser(value: unknown): User | null {
  if (!hasKeys(value, USER_KEYS)) return null;
  const { id, name, role } = value;
  const isUser =
    typeof id === "string" &&
    typeof name === "string" &&
    (ROLES as readonly unknown[]).includes(role);
  return isUser ? (value as User) : null;
}

const CHECKING: InspectorSession = { status: "checking" };
let session: InspectorSession = CHECKING;
let checking: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: InspectorSession): void {
  session = next;
  for (const listener of listeners) listener();
}

function readCache(): User | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw === null ? null : asUser(JSON.parse(raw));
  } catch {
    return null;
  }
}

function writeCache(user: User | null): void {
  try {
    if (user === null) localStorage.removeItem(CACHE_KEY);
    else localStorage.setItem(CACHE_KEY, JSON.stringify(user));
  } catch {
    // Storage disabled: the app still works while the network does.
  }
}

async function check(): Promise<void> {
  const cached = readCache();
  if (cached && session.status === "checking")
    publish({ status: "signed-in", user: cached, isConfirmed: false });
  const response = await send(ME.path, { method: ME.method });
  if (response === null) {
    // Offline: keep working as the inspector last confirmed on this device.
    publish(
      cached ? { status: "signed-in", user: cached, isConfirmed: false } : { status: "signed-out" },
    );
    return;
  }
  if (response.status === 401) {
    writeCache(null);
    publish({ status: "signed-out" });
    return;
  }
  const body: unknown = await response.json().catch(() => null);
  const user = hasKeys(body, ["user"]) ? asUser(body.user) : null;
  if (!response.ok || user === null) {
    // A server error says nothing about the session: carry on with the cached inspector.
    publish(
      cached ? { status: "signed-in", user: cached, isConfirmed: false } : { status: "signed-out" },
    );
    return;
  }
  if (user.mustChangePassword) {
    // After a password reset nothing else opens until a new one is set (the server refuses it too).
    window.location.assign(CHANGE_PASSWORD_PATH);
    return;
  }
  if (user.role !== "inspector") {
    publish({ status: "wrong-role", user });
    return;
  }
  writeCache(user);
  publish({ status: "signed-in", user, isConfirmed: true });
}

/*
 * On the inspector pages the check starts as soon as this code runs, before hydration: the
 * inspector cached on this device is known by the time the gate first renders after it.
 */
if (typeof window !== "undefined" && window.location.pathname.startsWith("/inspect")) {
  checking ??= check();
}

/** Whether an inspector has signed in on this device and not signed out (readable offline). */
export function hasInspectorOnDevice(): boolean {
  return readCache() !== null;
}

/** Forgets the inspector on this device (sign-out). */
export function forgetInspector(): void {
  writeCache(null);
  clearVisitSnapshot();
  publish({ status: "signed-out" });
}

/** The session, checked once per page load. */
export function useInspectorSession(): InspectorSession {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => session,
    () => CHECKING,
  );
  useEffect(() => {
    checking ??= check();
  }, []);
  return value;
}

/** The signed-in inspector; only for screens rendered inside the inspector gate. */
export function useInspector(): User {
  const current = useInspectorSession();
  if (current.status !== "signed-in") throw new Error("useInspector outside the inspector gate");
  return current.user;
}
