"use client";

import { useRouter } from "next/navigation";

import { useApiAction } from "@/lib/hooks/api-client";
import { orgApi } from "@/lib/hooks/use-org";
import { cn } from "@/lib/utils/cn";

import { FailureText } from "@/components/org/failure-text";
import { Select } from "@/components/ui/select";

/**
 * The school's 督学责任区, moved as soon as another is chosen: the one way a school changes zone,
 * recorded in the audit log. Its inspectors follow the zone (the old zone's next visit pack lacks it).
 */
export function SchoolZoneSelect({
  school,
  zones,
  disabled = false,
  className,
}: {
  school: { id: string; name: string; zoneId: string | null };
  zones: readonly { id: string; name: string }[];
  disabled?: boolean;
  className?: string;
}) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  const move = async (zoneId: string) => {
    if (await run(() => orgApi.moveSchool(school.id, zoneId))) router.refresh();
  };
  return (
    <>
      <Select
        aria-label={`${school.name}的督学责任区`}
        value={school.zoneId ?? ""}
        disabled={disabled || pending}
        onChange={(e) => void move(e.target.value)}
        className={cn("h-9 text-sm", className)}
      >
        {school.zoneId === null ? (
          <option value="" disabled>
            未分配
          </option>
        ) : null}
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name}
          </option>
        ))}
      </Select>
      <FailureText failure={failure} className="mt-1 text-xs" />
    </>
  );
}
