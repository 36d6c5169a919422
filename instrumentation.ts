// Boots the database when `next start` / `next dev` starts (never during `next build`, docs/architecture.md §5).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer, installShutdownHandlers } = await import("@/lib/server/boot");
  const { log } = await import("@/lib/server/log");
  try {
    installShutdownHandlers();
    const { kind, seeded } = await bootServer();
    log.info(
      { db: kind, seeded },
      `数据库已就绪（${kind === "embedded" ? "嵌入式 PostgreSQL" : "外部 PostgreSQL"}）${seeded === "demo" ? "，已生成示范数据" : ""}`,
    );
  } catch (error) {
    // Without a database the app can only answer 500s: exit so the supervisor sees the failure.
    log.fatal({ err: error }, "启动失败");
    process.exit(1);
  }
}
