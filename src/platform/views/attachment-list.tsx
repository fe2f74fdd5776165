/** The 附件 section of a public page: original names, type and size, downloaded under their safe names. */
export function AttachmentList(props: { attachments: { id: number; safeName: string; originalName: string; ext: string; sizeBytes: number }[] }) {
  if (props.attachments.length === 0) return null;
  return (
    <section class="attachments" aria-labelledby="att-title">
      <h2 id="att-title">附件</h2>
      <ul>
        {props.attachments.map((a) => (
          <li key={a.id}>
            <a href={`/files/${a.id}/${encodeURIComponent(a.safeName)}`} download={a.safeName}>
              {a.originalName}
            </a>{' '}
            <span class="muted">（{a.ext.toUpperCase()}，{Math.max(1, Math.round(a.sizeBytes / 1024))} KB）</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
