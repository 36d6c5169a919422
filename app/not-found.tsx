import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">页面不存在</h1>
      <Link href="/" className="text-brand-700 mt-6 underline underline-offset-4">
        返回首页
      </Link>
    </main>
  );
}
