import { photoPath, photoThumbnailPath } from "@/lib/contracts/sync";

/**
 * Photos as the server's small thumbnails, loaded when scrolled to, each opening the full image.
 * In the inspector app the service worker answers the thumbnails of the pack's items offline.
 */
export function PhotoThumbs({
  ids,
  label,
  emptyText,
}: {
  ids: readonly string[];
  label: string;
  emptyText?: string;
}) {
  if (ids.length === 0 && emptyText === undefined) return null;
  return (
    <figure className="space-y-1.5">
      <figcaption className="text-xs font-medium text-slate-500">
        {label}
        {ids.length > 0 ? `（${ids.length} 张）` : null}
      </figcaption>
      {ids.length === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {ids.map((id, index) => (
            <li key={id}>
              <a
                href={photoPath(id)}
                target="_blank"
                rel="noreferrer"
                className="focus-visible:outline-brand-600 block overflow-hidden rounded-lg border border-slate-200 bg-slate-100 focus-visible:outline-2"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- private, content-addressed images served by our API */}
                <img
                  src={photoThumbnailPath(id)}
                  alt={`${label} ${index + 1}`}
                  loading="lazy"
                  className="h-20 w-24 object-cover sm:h-24 sm:w-32"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
