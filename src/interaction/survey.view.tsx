import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary } from '../platform/views/admin-layout.tsx';
import type { SurveyQuestion } from './interaction.tables.ts';
import type { SurveyTally } from './survey-results.ts';

/** Results per question: counts and shares; free-text answers only for the staff. */
export function SurveyResults(props: { tally: SurveyTally; isStaff: boolean }) {
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">调查结果（共 {props.tally.responses} 份）</h2>
      {props.tally.questions.map((q, n) => (
        <div key={q.id}>
          <h3>
            {n + 1}. {q.text}
          </h3>
          {q.kind === 'text' ? (
            props.isStaff ? (
              q.texts.length === 0 ? (
                <p>暂无回答。</p>
              ) : (
                <ul>
                  {q.texts.map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              )
            ) : (
              <p>文字回答 {q.answered} 份，不逐条公开。</p>
            )
          ) : (
            <div class="table-wrap" tabindex={0} role="region" aria-label={`第 ${n + 1} 题结果（可左右滚动）`}>
              <table>
                <caption class="sr-only">第 {n + 1} 题各选项的人数和比例（{q.answered} 人作答）</caption>
                <thead>
                  <tr>
                    <th scope="col">选项</th>
                    <th scope="col">人数</th>
                    <th scope="col">比例</th>
                  </tr>
                </thead>
                <tbody>
                  {q.options.map((o) => (
                    <tr key={o.label}>
                      <th scope="row">{o.label}</th>
                      <td>{o.count}</td>
                      <td>{o.percent === null ? '—' : `${o.percent}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

export function SurveyForm(props: { action: string; csrf: string; questions: readonly SurveyQuestion[]; values: Record<string, string | string[]>; errors?: FieldError[] | undefined }) {
  const chosen = (id: string) => {
    const v = props.values[`a.${id}`];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const err = (id: string) => props.errors?.find((e) => e.field === `a.${id}`)?.message;
  return (
    <form method="post" action={props.action} class="narrow">
      <ErrorSummary errors={props.errors} />
      <Csrf token={props.csrf} />
      {props.questions.map((q, n) => (
        <fieldset key={q.id} class={err(q.id) ? 'field has-error' : 'field'} id={`f-a.${q.id}`} aria-describedby={err(q.id) ? `e-a.${q.id}` : undefined}>
          <legend>
            {n + 1}. {q.text}
            {q.isRequired ? <span class="req">（必答）</span> : null}
            {q.kind === 'multiple' ? '（可多选）' : ''}
          </legend>
          {err(q.id) ? <p class="field-error" id={`e-a.${q.id}`}>{err(q.id)}</p> : null}
          {q.kind === 'text' ? (
            <textarea name={`a.${q.id}`} rows={4} aria-label={q.text}>
              {chosen(q.id).join('')}
            </textarea>
          ) : (
            q.options.map((o, i) => (
              <div key={i}>
                <input type={q.kind === 'single' ? 'radio' : 'checkbox'} id={`f-a.${q.id}.${i}`} name={`a.${q.id}`} value={String(i)} checked={chosen(q.id).includes(String(i))} />
                <label for={`f-a.${q.id}.${i}`}>{o}</label>
              </div>
            ))
          )}
        </fieldset>
      ))}
      <button type="submit">提交</button>
    </form>
  );
}

