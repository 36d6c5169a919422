/**
 * The embedded PostgreSQL's port beside an app started for the e2e or the bench: 20000 above the
 * app's, or 10000 below when that would pass 32767, the highest the app accepts
 * (docs/architecture.md §5) — so that runs on different app ports never share a database port.
 */
export function embeddedPgPortFor(appPort: number): number {
  return appPort + 20_000 <= 32_767 ? appPort + 20_000 : appPort - 10_000;
}
