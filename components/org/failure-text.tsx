import type { ApiFailure } from "@/lib/hooks/api-client";
import { cn } from "@/lib/utils/cn";

/** The server's Chinese reason for a refused call, announced to screen readers; nothing when fine. */
export function FailureText({
  failure,
  className,
}: {
  failure: ApiFailure | null;
  className?: string;
}) {
  if (!failure) return null;
  return (
    <p role="alert" className={cn("text-sm text-red-600", className)}>
      {failure.message}
    </p>
  );
}
