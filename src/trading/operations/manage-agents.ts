import { insertGrant, updateUser, type User } from '../../accounts/accounts.repo.ts';
import { createUser, type NewUserInput } from '../../accounts/operations/manage-users.ts';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { isValidCreditCode } from '../../platform/credit-code.ts';
import { AppError, notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { InputReader } from '../notice-input.ts';
import { isSm2PublicKey } from '../signature.ts';
import { findAgentFirm, findLiveApiKey, insertAgentFirm, insertApiKey, listAgentFirms, revokeApiKey, touchApiKey, updateAgentFirm, type AgentFirm } from '../trading.repo.ts';

const LABELS: Record<string, string> = { name: '机构名称', creditCode: '统一社会信用代码', contactName: '联系人', contactPhone: '联系电话', sm2PublicKey: 'SM2 公钥' };

function readFirm(raw: Record<string, unknown>): { value: { name: string; creditCode: string; contactName: string; contactPhone: string; sm2PublicKey: string | null } | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const r = new InputReader(raw, { prefix: '', labels: LABELS, errors });
  const name = r.text('name', { max: 120, required: true, min: 4 });
  const code = r.text('creditCode', { max: 18, required: true })?.toUpperCase();
  if (code && !isValidCreditCode(code)) r.fail('creditCode', '不是有效的 18 位统一社会信用代码（校验位不符）');
  const contactName = r.text('contactName', { max: 40 }) ?? '';
  const contactPhone = r.text('contactPhone', { max: 40 }) ?? '';
  const key = r.text('sm2PublicKey', { max: 200 });
  if (key && !isSm2PublicKey(key)) r.fail('sm2PublicKey', '应为未压缩的 SM2 公钥：04 开头的 130 位十六进制');
  if (errors.length > 0 || !name || !code) return { value: null, errors };
  return { value: { name, creditCode: code, contactName, contactPhone, sm2PublicKey: key ? key.toLowerCase() : null }, errors };
}

/** Registers an agent firm at a center (系统管理员, trading.manage). */
export async function registerAgentFirm(ctx: AppContext, opts: { centerId: number; raw: Record<string, unknown>; actor: Actor }): Promise<AgentFirm> {
  const { value, errors } = readFirm(opts.raw);
  if (!value) throw validationError(errors);
  const existing = await listAgentFirms(ctx.db, opts.centerId);
  if (existing.some((f) => f.creditCode === value.creditCode)) throw validationError([{ field: 'creditCode', message: '统一社会信用代码：该机构已在本中心登记' }]);
  return ctx.db.transaction(async (tx) => {
    const firm = await insertAgentFirm(tx, { centerId: opts.centerId, ...value });
    await recordAudit(tx, opts.actor, { action: 'agent_firm.register', centerId: opts.centerId, targetType: 'agent_firm', targetId: firm.id, after: value });
    return firm;
  });
}

/** Updates contact data and the registered SM2 public key (a new CA lock), or suspends the firm. */
export async function updateAgentFirmSettings(ctx: AppContext, opts: { centerId: number; firmId: number; raw: Record<string, unknown>; isActive: boolean; actor: Actor }): Promise<void> {
  const firm = await findAgentFirm(ctx.db, opts.firmId);
  if (!firm || firm.centerId !== opts.centerId) throw notFound('代理机构');
  const { value, errors } = readFirm({ ...opts.raw, creditCode: firm.creditCode });
  if (!value) throw validationError(errors);
  await ctx.db.transaction(async (tx) => {
    await updateAgentFirm(tx, firm.id, { name: value.name, contactName: value.contactName, contactPhone: value.contactPhone, sm2PublicKey: value.sm2PublicKey, isActive: opts.isActive });
    await recordAudit(tx, opts.actor, { action: 'agent_firm.update', centerId: opts.centerId, targetType: 'agent_firm', targetId: firm.id, before: firm, after: { ...value, isActive: opts.isActive } });
  });
}

/** Creates a staff account of an agent firm (安全管理员, users.manage): role agent at the center, bound to the firm. */
export async function createAgentStaff(ctx: AppContext, opts: { centerId: number; firmId: number; input: NewUserInput; actor: Actor }): Promise<User> {
  const firm = await findAgentFirm(ctx.db, opts.firmId);
  if (!firm || firm.centerId !== opts.centerId) throw notFound('代理机构');
  const user = await createUser(ctx.db, {
    centerId: opts.centerId,
    input: { ...opts.input, departmentId: null },
    actor: opts.actor,
    then: async (tx, made) => {
      await updateUser(tx, made.id, { agentFirmId: firm.id });
      await insertGrant(tx, { userId: made.id, centerId: opts.centerId, role: 'agent' });
      await recordAudit(tx, opts.actor, { action: 'agent_firm.add_staff', centerId: opts.centerId, targetType: 'agent_firm', targetId: firm.id, details: { userId: made.id } });
    },
  });
  return { ...user, agentFirmId: firm.id };
}

const KEY_PREFIX = 'gkak_';

/** Issues an API key to the firm; the key is shown once, only its SHA-256 is kept. */
export async function issueApiKey(ctx: AppContext, opts: { firmId: number; label: string; userId: number; actor: Actor }): Promise<{ key: string; id: number }> {
  const firm = await findAgentFirm(ctx.db, opts.firmId);
  if (!firm?.isActive) throw new AppError('FORBIDDEN', { userMessage: '代理机构已停用，不能签发接口密钥' });
  const label = opts.label.trim().slice(0, 60);
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiKey(tx, { agentFirmId: firm.id, keyPrefix: key.slice(0, 12), keyHash: sha256Hex(key), label, createdBy: opts.userId });
    await recordAudit(tx, opts.actor, { action: 'agent_key.issue', centerId: firm.centerId, targetType: 'agent_api_key', targetId: row.id, details: { firmId: firm.id, label } });
    return { key, id: row.id };
  });
}

export async function revokeAgentApiKey(ctx: AppContext, opts: { firmId: number; keyId: number; actor: Actor }): Promise<void> {
  const firm = await findAgentFirm(ctx.db, opts.firmId);
  if (!firm) throw notFound('代理机构');
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiKey(tx, opts.keyId, firm.id, ctx.clock()))) throw notFound('接口密钥');
    await recordAudit(tx, opts.actor, { action: 'agent_key.revoke', centerId: firm.centerId, targetType: 'agent_api_key', targetId: opts.keyId, details: { firmId: firm.id } });
  });
}

/** The firm and key behind an `Authorization: Bearer gkak_…` header, or null. */
export async function authenticateApiKey(ctx: AppContext, header: string | undefined): Promise<{ firm: AgentFirm; userId: number } | null> {
  const m = /^Bearer\s+(gkak_[A-Za-z0-9_-]{20,80})$/.exec(header ?? '');
  if (!m?.[1]) return null;
  const key = await findLiveApiKey(ctx.db, sha256Hex(m[1]));
  if (!key) return null;
  const firm = await findAgentFirm(ctx.db, key.agentFirmId);
  if (!firm?.isActive) return null;
  const now = ctx.clock();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) await touchApiKey(ctx.db, key.id, now);
  return { firm, userId: key.createdBy };
}
