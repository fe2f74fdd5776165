import { createElement, type ComponentChildren } from 'preact';
import type { FieldError } from '../errors.ts';

export type AdminNavItem = { href: string; label: string; isCurrent?: boolean };

export type AdminShell = {
  userName: string | null;
  centerName: string | null;
  nav: AdminNavItem[];
  csrfToken: string | null;
};

export function AdminLayout(props: { title: string; shell: AdminShell; flash?: string | undefined; error?: string | undefined; children: ComponentChildren }) {
  const { shell } = props;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} - 公开平台管理后台`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body class="admin">
        <a class="skip" href="#main">跳到主要内容</a>
        <header class="admin-header">
          <div class="wrap header-row">
            <span class="site-title">公开平台管理后台{shell.centerName ? ` · ${shell.centerName}` : ''}</span>
            {shell.userName && shell.csrfToken ? (
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name="_csrf" value={shell.csrfToken} />
                <span class="who">{shell.userName}</span> <button type="submit">退出登录</button>
              </form>
            ) : null}
          </div>
          {shell.nav.length > 0 ? (
            <nav aria-label="后台导航" class="admin-nav">
              <ul class="wrap">
                {shell.nav.map((n) => (
                  <li key={n.href}>
                    <a href={n.href} aria-current={n.isCurrent ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="wrap">
          <h1>{props.title}</h1>
          {props.flash ? (
            <p class="flash" role="status">
              {props.flash}
            </p>
          ) : null}
          {props.error ? (
            <div class="error-summary" role="alert">
              {props.error}
            </div>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function ErrorSummary(props: { errors: FieldError[] | undefined }) {
  if (!props.errors || props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">提交的内容有 {props.errors.length} 处问题</h2>
      <ul>
        {props.errors.map((e) => (
          <li key={e.field}>
            <a href={`#f-${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  value?: string | undefined;
  errors?: FieldError[] | undefined;
  hint?: string;
  isRequired?: boolean;
  /** Keeps ids unique when a page has several forms with the same field names. */
  idPrefix?: string;
};

function fieldError(errors: FieldError[] | undefined, name: string): string | undefined {
  return errors?.find((e) => e.field === name)?.message;
}

type ControlAttrs = { id: string; name: string; 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };

/** Label, hint and error message around one form control, wired for screen readers. */
function Field(props: FieldProps & { control: (attrs: ControlAttrs) => ComponentChildren }) {
  const err = fieldError(props.errors, props.name);
  const key = `${props.idPrefix ?? ''}${props.name}`;
  const describedBy = [props.hint ? `h-${key}` : '', err ? `e-${key}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={`f-${key}`}>
        {props.label}
        {props.isRequired ? <span class="req">（必填）</span> : null}
      </label>
      {props.hint ? <p class="hint" id={`h-${key}`}>{props.hint}</p> : null}
      {err ? <p class="field-error" id={`e-${key}`}>{err}</p> : null}
      {props.control({ id: `f-${key}`, name: props.name, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

export function TextField(props: FieldProps & { type?: 'text' | 'password' | 'date' | 'datetime-local' | 'email' | 'tel' | 'search'; maxLength?: number; autocomplete?: string }) {
  return <Field {...props} control={(a) => createElement('input', { ...a, type: props.type ?? 'text', value: props.value ?? '', maxLength: props.maxLength, required: props.isRequired, autocomplete: props.autocomplete })} />;
}

export function TextArea(props: FieldProps & { rows?: number }) {
  return (
    <Field
      {...props}
      control={(a) => (
        <textarea {...a} rows={props.rows ?? 4}>
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <Field
      {...props}
      control={(a) => (
        <select {...a}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
