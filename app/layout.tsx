import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '吉林市重点项目管理平台', template: '%s · 吉林市重点项目管理平台' },
  description: '政府投资、招商引资和"上争"类重点项目全过程跟踪监管',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
