import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { ServiceWorkerRegistrar } from "@/components/pwa/service-worker-registrar";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "督学巡检", template: "%s · 督学巡检" },
  description: "责任督学挂牌督导、专项督查与整改销号的移动巡检系统",
  applicationName: "督学巡检",
  appleWebApp: { capable: true, title: "督学巡检", statusBarStyle: "default" },
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  themeColor: "#1e40af",
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh font-sans">
        {children}
        <ServiceWorkerRegistrar />
      </body>
    </html>
  );
}
