import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-5xl font-semibold text-slate-300">403</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">无权访问此页面</h1>
      <p className="mt-2 text-sm leading-6 text-slate-500">
        当前账号的角色不能查看这里的内容。如需权限，请联系督导室。
      </p>
      <Link href="/" className="text-brand-700 mt-6 underline underline-offset-4">
        返回我的首页
      </Link>
    </main>
  );
}
