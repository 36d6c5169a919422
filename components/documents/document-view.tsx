import type { ReactNode } from "react";

import type { DocumentBlock, OfficialDocument } from "@/lib/domain/documents/document";
import { cn } from "@/lib/utils/cn";

/** Draws one photo of the document: a thumbnail (photos) or the drawn image (signatures). */
export type RenderImage = (photoId: string, alt: string, kind: "photo" | "signature") => ReactNode;

/**
 * A document of lib/domain/documents as an A4 sheet, in the same words and order as its PDF: the
 * print page on the server and the phone's offline preview both render it. On screen it is a
 * paper-like card; printed, the app's frame is hidden and the sheet fills the page.
 */
export function DocumentView({
  document,
  renderImage,
  qrSrc = null,
}: {
  document: OfficialDocument;
  renderImage: RenderImage;
  /** The QR code as an image URL (made on the server); the preview has none. */
  qrSrc?: string | null;
}) {
  const blocks = document.blocks;
  const signOff = blocks.findIndex((b) => b.kind === "signOff");
  // The sign-off stays on one page with the two blocks of text before it.
  const keepFrom = signOff < 0 ? blocks.length : Math.max(0, signOff - 2);
  const draw = (block: DocumentBlock, key: number) => (
    <Block key={key} block={block} renderImage={renderImage} qrSrc={qrSrc} />
  );
  return (
    <article
      aria-label={document.name}
      className="mx-auto max-w-[210mm] bg-white px-6 py-8 text-[15px] leading-7 text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-[18mm] sm:py-[16mm] print:max-w-none print:p-0 print:shadow-none print:ring-0"
    >
      {document.draftNotice ? (
        <p
          role="note"
          className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm font-medium text-amber-800"
        >
          {document.draftNotice}
        </p>
      ) : null}
      {blocks.slice(0, keepFrom).map((block, i) => draw(block, i))}
      <div className="break-inside-avoid">
        {blocks.slice(keepFrom, signOff + 1).map((block, i) => draw(block, keepFrom + i))}
      </div>
      {blocks.slice(signOff + 1).map((block, i) => draw(block, signOff + 1 + i))}
    </article>
  );
}

function Block({
  block,
  renderImage,
  qrSrc,
}: {
  block: DocumentBlock;
  renderImage: RenderImage;
  qrSrc: string | null;
}) {
  switch (block.kind) {
    case "masthead":
      return (
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className="text-2xl font-bold tracking-wider text-red-700 sm:text-3xl">
            {block.issuer}
          </p>
          {block.number ? <p className="mt-2">{block.number}</p> : null}
        </header>
      );
    case "title":
      return <h1 className="mt-6 text-center text-xl font-bold">{block.text}</h1>;
    case "paragraph":
      return (
        <p className={cn("mt-3", block.indent && "indent-8")}>
          {block.spans.map((span, i) => (
            <span
              key={i}
              className={cn(span.strong && "font-bold", span.muted && "text-slate-500")}
            >
              {span.text}
            </span>
          ))}
        </p>
      );
    case "heading":
      return <h2 className="mt-6 font-bold">{block.text}</h2>;
    case "entry":
      return (
        <section className="mt-4 break-inside-avoid">
          <h3 className="font-bold">
            {block.number} {block.title}
          </h3>
          <dl className="mt-1 space-y-0.5 pl-5 text-[14px]">
            {block.fields.map((field) => (
              <div key={field.label}>
                <dt className="inline font-bold text-slate-600">{field.label}：</dt>
                <dd className="inline">{field.value}</dd>
              </div>
            ))}
          </dl>
          <PhotoGrid photos={block.photos} renderImage={renderImage} />
        </section>
      );
    case "facts":
      return (
        <dl className="mt-4 divide-y divide-slate-200 border-y border-slate-200 text-[14px]">
          {block.rows.map((row) => (
            <div key={row.label} className="flex gap-4 py-1.5">
              <dt className="w-24 shrink-0 font-bold text-slate-600">{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "table":
      return (
        // Focusable, so the keyboard can scroll a wide table (axe scrollable-region-focusable).
        <div
          className="mt-3 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={`表格：${block.columns.join("、")}`}
        >
          <table className="w-full border-collapse text-[14px]">
            <thead>
              <tr className="bg-slate-100">
                {block.columns.map((column) => (
                  <th key={column} className="border border-slate-300 px-2 py-1 text-left">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, i) => (
                <tr key={i} className={cn(row.emphasis && "font-bold")}>
                  {row.cells.map((cell, j) => (
                    <td key={j} className="border border-slate-300 px-2 py-1">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "signOff":
      return (
        <footer className="mt-8">
          <div className="grid grid-cols-2 gap-4">
            {block.signatures.map((signature) => (
              <div key={signature.role}>
                <p className="text-sm text-slate-500">{signature.role}（签字）：</p>
                <div className="flex h-16 items-center">
                  {signature.photoId ? (
                    renderImage(signature.photoId, `${signature.role}签名`, "signature")
                  ) : (
                    <span className="text-sm text-slate-500">（未签字）</span>
                  )}
                </div>
                {signature.name ? <p>{signature.name}</p> : null}
              </div>
            ))}
          </div>
          <div className="mt-4 flex items-end justify-between gap-4">
            {block.qr && qrSrc ? (
              <figure className="w-28">
                {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
                <img src={qrSrc} alt="二维码" className="h-24 w-24" />
                <figcaption className="text-xs text-slate-500">{block.qr.caption}</figcaption>
              </figure>
            ) : (
              <span />
            )}
            <div className={cn("mr-6 text-right", block.seal && "pt-10")}>
              {block.issuer ? <p>{block.issuer}</p> : null}
              <p>{block.date}</p>
            </div>
          </div>
        </footer>
      );
    case "attachment":
      return (
        <section className="mt-10 break-before-page">
          <p className="text-lg font-bold">{block.label}</p>
          <h2 className="mt-2 text-center text-xl font-bold">{block.title}</h2>
          <PhotoGrid photos={block.photos} renderImage={renderImage} />
        </section>
      );
  }
}

function PhotoGrid({
  photos,
  renderImage,
}: {
  photos: readonly { photoId: string; caption: string }[];
  renderImage: RenderImage;
}) {
  if (photos.length === 0) return null;
  return (
    <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
      {photos.map((photo) => (
        <li key={photo.photoId} className="break-inside-avoid">
          <figure>
            <div className="aspect-[4/3] overflow-hidden rounded bg-slate-100">
              {renderImage(photo.photoId, photo.caption, "photo")}
            </div>
            <figcaption className="mt-1 text-xs leading-5 text-slate-600">
              {photo.caption}
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
