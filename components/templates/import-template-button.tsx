"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";

import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";

import { Button } from "@/components/ui/button";

/** Imports a template file as a draft and opens it; a wrong file lists every error, item by item. */
export function ImportTemplateButton() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const { run, pending, failure } = useApiAction();

  async function importFile(file: File) {
    const imported = await run(async () => templateApi.importFile(await file.text()));
    if (imported) router.push(`/office/templates/${imported.draft.code}/edit`);
  }

  return (
    <div className="space-y-2">
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="选择模板文件"
        className="sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void importFile(file);
        }}
      />
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => input.current?.click()}
      >
        {pending ? "正在导入…" : "导入模板"}
      </Button>
      {failure ? (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          <p className="font-medium">{failure.message}</p>
          {failure.errors.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {failure.errors.map((error, index) => (
                <li key={index}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
