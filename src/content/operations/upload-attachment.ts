import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { insertAttachment, type Attachment } from '../articles.repo.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** What editors may attach, by the type found in the file's bytes (never by its name alone). */
const ALLOWED: Record<string, { exts: string[]; mime: string }> = {
  pdf: { exts: ['pdf'], mime: 'application/pdf' },
  docx: { exts: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { exts: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  cfb: { exts: ['doc', 'xls'], mime: 'application/octet-stream' },
  png: { exts: ['png'], mime: 'image/png' },
  jpg: { exts: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  gif: { exts: ['gif'], mime: 'image/gif' },
  zip: { exts: ['zip'], mime: 'application/zip' },
  ofd: { exts: ['ofd'], mime: 'application/ofd' },
};
const LEGACY_MIME: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel' };

/** Stores an uploaded file under DATA_DIR/files by its SHA-256 after checking its real type and size. */
export async function uploadAttachment(ctx: AppContext, opts: { centerId: number; userId: number; actor: Actor; fileName: string; data: Buffer }): Promise<Attachment> {
  if (opts.data.length === 0) throw new AppError('ATTACHMENT_TYPE_REFUSED', { userMessage: '附件：文件为空', fields: [{ field: 'file', message: '附件：文件为空' }] });
  if (opts.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', { userMessage: `附件：文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, fields: [{ field: 'file', message: '附件：文件过大' }] });
  }
  const safeName = safeFileName(opts.fileName);
  const ext = path.extname(safeName).slice(1).toLowerCase();
  const detected = await fileTypeFromBuffer(opts.data);
  const kind = detected ? (ALLOWED[detected.ext] ?? (detected.ext === 'zip' && ext === 'ofd' ? ALLOWED.ofd : undefined)) : undefined;
  if (!kind || !kind.exts.includes(ext)) {
    const message = !kind
      ? '附件：只能上传 PDF、Word、Excel、OFD、ZIP 或图片（PNG/JPG/GIF）文件'
      : `附件：文件内容是 ${detected?.ext.toUpperCase()}，与扩展名 .${ext || '(无)'} 不符`;
    throw new AppError('ATTACHMENT_TYPE_REFUSED', { userMessage: message, fields: [{ field: 'file', message }] });
  }
  const mime = LEGACY_MIME[ext] ?? kind.mime;
  const sha256 = createHash('sha256').update(opts.data).digest('hex');
  const dir = path.join(ctx.filesDir, sha256.slice(0, 2));
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `${sha256}.${process.pid}.tmp`);
  await writeFile(tmp, opts.data);
  await rename(tmp, path.join(dir, sha256));
  return ctx.db.transaction(async (tx) => {
    const att = await insertAttachment(tx, { centerId: opts.centerId, originalName: safeName, safeName, mime, ext, sizeBytes: opts.data.length, sha256, uploadedBy: opts.userId });
    await recordAudit(tx, opts.actor, { action: 'attachment.upload', centerId: opts.centerId, targetType: 'attachment', targetId: att.id, after: { sha256, name: safeName } });
    return att;
  });
}

/** Keeps Chinese and ordinary characters; drops paths, control and shell-special characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*;$`'&{}[\]]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(-120);
  return cleaned || 'file';
}
