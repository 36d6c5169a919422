import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { mutationSchema } from "@/lib/domain/mutations";
import { visitSchema } from "@/lib/domain/visit/visit.schema";

describe("zod messages", () => {
  const messages = (result: { error?: z.ZodError }) =>
    (result.error?.issues ?? []).map((issue) => issue.message);

  it("are Chinese where a schema sets none (a missing object)", () => {
    const result = mutationSchema.safeParse({
      id: "0195f3a0-0000-7000-8000-000000000001",
      name: "visit.update",
      createdAt: 1,
    });

    expect(messages(result)).not.toContain("Invalid input: expected object, received undefined");
    expect(messages(result).join("")).toMatch(/期望 object/);
  });

  it("are Chinese for a wrong type in an entity", () => {
    const result = visitSchema.safeParse({ id: 7 });

    expect(messages(result).length).toBeGreaterThan(0);
    for (const message of messages(result)) expect(message).not.toMatch(/Invalid|expected/);
  });
});
