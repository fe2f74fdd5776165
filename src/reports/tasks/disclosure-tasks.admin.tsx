import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { can } from '../../accounts/accounts.policy.ts';
import { actorOf, rolesAt } from '../../accounts/staff-session.ts';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../../admin/admin.http.tsx';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import { notFound, type FieldError } from '../../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../platform/views/admin-layout.tsx';
import { findTask } from './disclosure-tasks.repo.ts';
import { countOverdueTasks, getTaskBoard, loadCenterPeople, type CenterPeople, type TaskView } from './disclosure-tasks.service.ts';
import { deleteDisclosureTask } from './operations/delete-disclosure-task.ts';
import { createDisclosureTask, updateDisclosureTask } from './operations/save-disclosure-task.ts';
import { CADENCE_LABELS, CADENCES, stateLabel } from './task-periods.ts';

const read = { access: { kind: 'perm', permission: 'article.read' } } as const;
const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** The dashboard's line for site.manage holders: how many tasks are overdue (nothing when none). */
export async function overdueTasksLine(ctx: AppContext, cid: number): Promise<VNode | null> {
  const n = await countOverdueTasks(ctx, cid);
  if (n === 0) return null;
  return (
    <p>
      <a href={`/admin/c/${cid}/disclosure-tasks#overdue`}>公开任务已逾期：{n} 项</a>
    </p>
  );
}

/** 公开任务: departments' column updates with their information officers, the overdue ones first. */
export function registerDisclosureTasksAdmin(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);
  const base = (cid: number) => `/admin/c/${cid}/disclosure-tasks`;

  app.get('/admin/c/:cid/disclosure-tasks', { config: read, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const board = await getTaskBoard(ctx, cid);
    const isManager = can(rolesAt(req, cid), 'site.manage');
    const shell = await shellFor(ctx, req, reply, cid, base(cid));
    return sendHtml(
      reply,
      <AdminLayout title="政务公开任务" shell={shell} flash={(req.query as { done?: string }).done === 'deleted' ? '已删除。' : flashOf(req)}>
        <p>各部门承担的栏目更新任务：每项任务指定责任部门、栏目、更新周期和信息员；统计期内该部门在该栏目发布信息即为完成。按月、季度、年更新的任务以周期最后一天为期限；上一周期未更新且本期仍未更新的，列为逾期。今天是 {board.today}。</p>
        {isManager ? (
          <p>
            <a class="button primary" href={`${base(cid)}/new`}>
              新建任务
            </a>
          </p>
        ) : null}
        <h2 id="overdue">逾期任务（{board.overdue.length} 项）</h2>
        {board.overdue.length === 0 ? <p>没有逾期的任务。</p> : <TaskTable caption="逾期任务" tasks={board.overdue} cid={cid} isManager={isManager} />}
        <h2>全部任务（{board.tasks.length} 项）</h2>
        {board.tasks.length === 0 ? <p>尚未设置公开任务。</p> : <TaskTable caption="全部任务，逾期的在前" tasks={board.tasks} cid={cid} isManager={isManager} />}
        {board.departments.length > 0 ? (
          <>
            <h2>各部门完成情况</h2>
            <div class="table-wrap" tabindex={0} role="region" aria-label="各部门完成情况（可左右滚动）">
              <table>
                <caption>各部门本期完成情况</caption>
                <thead>
                  <tr>
                    <th scope="col">部门</th>
                    <th scope="col">任务数</th>
                    <th scope="col">本期已完成</th>
                    <th scope="col">本期待完成</th>
                    <th scope="col">逾期</th>
                    <th scope="col">本年度未按期完成（期）</th>
                  </tr>
                </thead>
                <tbody>
                  {board.departments.map((d) => (
                    <tr key={d.departmentId}>
                      <th scope="row">{d.name}</th>
                      <td>{d.tasks}</td>
                      <td>{d.done}</td>
                      <td>{d.due}</td>
                      <td class={d.overdue > 0 ? 'overdue' : ''}>{d.overdue}</td>
                      <td>{d.missedThisYear}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </AdminLayout>,
    );
  });

  const renderForm = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { taskId: number | null; values: Record<string, string>; errors?: FieldError[]; error?: string }, status = 200) => {
    const people = await loadCenterPeople(ctx.db, cid);
    const action = state.taskId === null ? base(cid) : `${base(cid)}/${state.taskId}`;
    const shell = await shellFor(ctx, req, reply, cid, base(cid));
    return sendHtml(
      reply,
      <AdminLayout title={state.taskId === null ? '新建公开任务' : '编辑公开任务'} shell={shell} error={state.error}>
        <TaskForm action={action} csrfToken={shell.csrfToken ?? ''} people={people} values={state.values} errors={state.errors} />
        {state.taskId !== null ? (
          <form method="post" action={`${action}/delete`} class="inline">
            <Csrf token={shell.csrfToken ?? ''} />
            <button type="submit" class="danger">
              删除此任务
            </button>
          </form>
        ) : null}
        <p>
          <a href={base(cid)}>返回任务列表</a>
        </p>
      </AdminLayout>,
      status,
    );
  };
  const typed = (req: FastifyRequest) => Object.fromEntries(Object.entries(formBody(req)).map(([k, v]) => [k, str(v)]));

  app.get('/admin/c/:cid/disclosure-tasks/new', { config: manage, schema: { hide: true } }, async (req, reply) => renderForm(req, reply, cidOf(req), { taskId: null, values: { cadence: 'monthly', startsOn: formatDate(ctx.clock()) } }));

  app.post('/admin/c/:cid/disclosure-tasks', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    try {
      await createDisclosureTask(ctx, { centerId: cid, raw: formBody(req), actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderForm(req, reply, cid, { taskId: null, values: typed(req), errors: e.fields, error: e.fields ? undefined : e.userMessage }, e.status);
    }
    return reply.redirect(`${base(cid)}?done=created`, 303);
  });

  app.get('/admin/c/:cid/disclosure-tasks/:id', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const task = await findTask(ctx.db, intParam((req.params as { id: string }).id));
    if (!task || task.centerId !== cid) throw notFound('公开任务');
    const values = { title: task.title, departmentId: String(task.departmentId), columnId: String(task.columnId), cadence: task.cadence, dueOn: task.dueOn ?? '', startsOn: task.startsOn, officerId: String(task.officerId), note: task.note, lockVersion: String(task.lockVersion) };
    return renderForm(req, reply, cid, { taskId: task.id, values });
  });

  app.post('/admin/c/:cid/disclosure-tasks/:id', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const taskId = intParam((req.params as { id: string }).id);
    try {
      await updateDisclosureTask(ctx, { centerId: cid, taskId, raw: formBody(req), actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      if (e.status === 404) throw e;
      return renderForm(req, reply, cid, { taskId, values: typed(req), errors: e.fields, error: e.fields ? undefined : e.userMessage }, e.status);
    }
    return reply.redirect(`${base(cid)}?done=updated`, 303);
  });

  app.post('/admin/c/:cid/disclosure-tasks/:id/delete', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    await deleteDisclosureTask(ctx, { centerId: cid, taskId: intParam((req.params as { id: string }).id), actor: actorOf(req) });
    return reply.redirect(`${base(cid)}?done=deleted`, 303);
  });
}

function TaskTable(props: { caption: string; tasks: TaskView[]; cid: number; isManager: boolean }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={`${props.caption}（可左右滚动）`}>
      <table>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">任务</th>
            <th scope="col">责任部门</th>
            <th scope="col">栏目</th>
            <th scope="col">更新周期</th>
            <th scope="col">信息员</th>
            <th scope="col">本期</th>
            <th scope="col">状态</th>
            <th scope="col">本年度未按期完成（期）</th>
            {props.isManager ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.tasks.map((v) => (
            <tr key={v.task.id}>
              <th scope="row">{v.task.title}</th>
              <td>{v.department}</td>
              <td>{v.column}</td>
              <td>{CADENCE_LABELS[v.task.cadence] ?? v.task.cadence}</td>
              <td>{v.officer}</td>
              <td>{v.state.period.label}</td>
              <td class={v.state.kind === 'overdue' ? 'overdue' : v.state.kind === 'due' && v.state.daysLeft <= 7 ? 'due-soon' : ''}>{stateLabel(v.state)}</td>
              <td>{v.state.missedThisYear}</td>
              {props.isManager ? (
                <td>
                  <a href={`/admin/c/${props.cid}/disclosure-tasks/${v.task.id}`} aria-label={`编辑任务：${v.task.title}`}>
                    编辑
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Staff who belong to a department of the center, grouped by department (a form without script cannot filter). */
function officersByDepartment(people: CenterPeople, deptName: Map<number, string>) {
  return people.staff
    .filter((u) => u.departmentId !== null && deptName.has(u.departmentId))
    .sort((a, b) => (deptName.get(a.departmentId ?? 0) ?? '').localeCompare(deptName.get(b.departmentId ?? 0) ?? '', 'zh-Hans-CN') || a.displayName.localeCompare(b.displayName, 'zh-Hans-CN'));
}

function TaskForm(props: { action: string; csrfToken: string; people: CenterPeople; values: Record<string, string>; errors?: FieldError[] | undefined }) {
  const v = props.values;
  const deptName = new Map(props.people.departments.map((d) => [d.id, d.name]));
  return (
    <form method="post" action={props.action} class="stacked">
      <ErrorSummary errors={props.errors} />
      <Csrf token={props.csrfToken} />
      {v.lockVersion !== undefined ? <input type="hidden" name="lockVersion" value={v.lockVersion} /> : null}
      <TextField name="title" label="任务名称" value={v.title} errors={props.errors} isRequired maxLength={60} hint="如：每月更新工作动态" />
      <SelectField name="departmentId" label="责任部门" value={v.departmentId} errors={props.errors} isRequired options={[{ value: '', label: '请选择' }, ...props.people.departments.map((d) => ({ value: String(d.id), label: d.name }))]} />
      <SelectField name="columnId" label="栏目" value={v.columnId} errors={props.errors} isRequired options={[{ value: '', label: '请选择' }, ...props.people.columns.map((c) => ({ value: String(c.id), label: c.name }))]} />
      <SelectField name="cadence" label="更新周期" value={v.cadence} errors={props.errors} isRequired options={CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }))} />
      <TextField name="dueOn" label="完成期限" type="date" value={v.dueOn} errors={props.errors} hint="一次性任务必填；按月、季度、年更新的任务以周期最后一天为期限。" />
      <TextField name="startsOn" label="起计日期" type="date" value={v.startsOn} errors={props.errors} hint="此日期之前结束的周期不计入完成情况；留空为今天。" />
      <SelectField
        name="officerId"
        label="信息员"
        value={v.officerId}
        errors={props.errors}
        isRequired
        hint="须为责任部门的工作人员。"
        options={[{ value: '', label: '请选择' }, ...officersByDepartment(props.people, deptName).map((u) => ({ value: String(u.id), label: `${u.displayName}（${deptName.get(u.departmentId ?? 0) ?? ''}）` }))]}
      />
      <TextArea name="note" label="备注" value={v.note} errors={props.errors} rows={2} />
      <button type="submit" class="primary">
        保存
      </button>
    </form>
  );
}
