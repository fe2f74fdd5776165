/**
 * PDF by printing the standalone HTML page in headless Chromium (playwright-core), only where Debian's
 * Chromium is installed. Without it, or when it fails to start, the answer is a clear 503 with a stable
 * code, never a 500: Word, Excel and HTML remain available.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../platform/errors.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function isPdfAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function renderPdf(html: string): Promise<Buffer> {
  if (!isPdfAvailable()) throw unavailable();
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, timeout: 30_000, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage();
    // The page is self-contained (inline CSS, no scripts, no network): nothing to fetch.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } catch (cause) {
    throw unavailable(cause);
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

function unavailable(cause?: unknown): AppError {
  return new AppError('ANNUAL_REPORT_PDF_UNAVAILABLE', { userMessage: '本服务器暂不能生成 PDF（未安装或无法启动 Chromium），请下载 Word 或 Excel 版本，或打开网页版后用浏览器打印', cause });
}
