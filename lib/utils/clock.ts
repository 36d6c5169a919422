import type { Clock } from "@/lib/domain/clock";

export const systemClock: Clock = { now: () => Date.now() };
