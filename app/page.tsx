import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { HOME_BY_ROLE } from "@/lib/domain/org/org.labels";
import { userFromHeaders } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

/** Sends each role to its own surface. */
export default async function Home() {
  const user = await userFromHeaders(await headers());
  redirect(user ? HOME_BY_ROLE[user.role] : "/login");
}
