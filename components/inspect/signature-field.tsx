"use client";

import { useEffect, useRef, useState } from "react";
import type SignaturePad from "signature_pad";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import { usePhotoThumbnailUrl } from "@/lib/hooks/use-photos";

import { Button } from "@/components/ui/button";

const PAD_HEIGHT_PX = 160;

function SignedImage({ photoId, name }: { photoId: PhotoId; name: string }) {
  const url = usePhotoThumbnailUrl(photoId);
  return url ? (
    // eslint-disable-next-line @next/next/no-img-element -- a blob: URL from IndexedDB
    <img
      src={url}
      alt={`${name}的签名`}
      className="h-28 w-full rounded-lg border border-slate-200 bg-white object-contain"
    />
  ) : (
    <div className="h-28 rounded-lg border border-slate-200 bg-white" />
  );
}

/**
 * A signature drawn with a finger (signature_pad on a canvas sized for the screen's pixel ratio),
 * saved as a PNG through `onSign`; once saved it shows the stored image and can be redone.
 */
export function SignatureField({
  label,
  signed,
  onSign,
  onClear,
  isReadOnly,
}: {
  label: string;
  signed: { photoId: PhotoId; name: string } | null;
  onSign: (png: Blob) => Promise<string | null>;
  onClear: () => void;
  isReadOnly: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (signed || isReadOnly || !canvas) return;
    let isCurrent = true;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = PAD_HEIGHT_PX * ratio;
      canvas.getContext("2d")?.scale(ratio, ratio);
      padRef.current?.clear();
    };
    void import("signature_pad").then(({ default: Pad }) => {
      if (!isCurrent) return;
      fit();
      padRef.current = new Pad(canvas, {
        backgroundColor: "rgb(255,255,255)",
        penColor: "rgb(15,23,42)",
      });
    });
    window.addEventListener("resize", fit);
    return () => {
      isCurrent = false;
      window.removeEventListener("resize", fit);
      padRef.current?.off();
      padRef.current = null;
    };
  }, [signed, isReadOnly]);

  async function save() {
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas || pad.isEmpty()) {
      setError("请先在框内签名");
      return;
    }
    setIsSaving(true);
    setError(null);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    const failure = png ? await onSign(png) : "签名无法保存，请重新签名";
    setIsSaving(false);
    if (failure) setError(failure);
  }

  return (
    <section aria-label={label} className="space-y-2">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      {signed ? (
        <>
          <SignedImage photoId={signed.photoId} name={signed.name} />
          {isReadOnly ? null : (
            <Button variant="ghost" size="sm" onClick={onClear}>
              重新签名
            </Button>
          )}
        </>
      ) : isReadOnly ? (
        <p className="text-sm text-slate-500">未签名</p>
      ) : (
        <>
          <canvas
            ref={canvasRef}
            aria-label={`${label}签名区`}
            className="block w-full touch-none rounded-lg border border-dashed border-slate-400 bg-white"
            style={{ height: PAD_HEIGHT_PX }}
          />
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => padRef.current?.clear()}>
              清除
            </Button>
            <Button size="sm" disabled={isSaving} onClick={save}>
              {isSaving ? "正在保存…" : "确认签名"}
            </Button>
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </section>
  );
}
