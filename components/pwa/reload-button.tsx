"use client";

import { Button } from "@/components/ui/button";

export function ReloadButton() {
  return (
    <Button variant="ghost" className="mt-2 w-full" onClick={() => window.location.reload()}>
      重试
    </Button>
  );
}
