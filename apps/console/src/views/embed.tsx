import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { buildSnippets } from '../lib/snippets';
import { trpc } from '../lib/trpc';
import { CopyButton } from '../ui/copy-button';
import { Empty, QueryView } from '../ui/states';

export const EmbedView = () => {
  const { shopId } = useParams({ from: '/_app/shops/$shopId/embed' });
  const keys = useQuery(trpc.keys.list.queryOptions({ shopId }));
  const [apiBase] = useState(() => window.location.origin);
  return (
    <QueryView query={keys} loadingLabel="Loading keys…" isEmpty={(d) => !d.some((k) => !k.revokedAt)} empty={<Empty title="This shop has no active publishable key."><p>Create one under Keys &amp; CORS first.</p></Empty>}>
      {(rows) => {
        const key = rows.find((k) => !k.revokedAt)!;
        return (
          <div className="stack">
            <p className="hint">Snippets use the publishable key <code>{key.key}</code>. Add your storefront's origin under Keys &amp; CORS too.</p>
            {buildSnippets({ apiBase, publishableKey: key.key }).map((s) => (
              <section key={s.id} className="card" aria-labelledby={`snippet-${s.id}`}>
                <div className="secret-row"><h2 id={`snippet-${s.id}`}>{s.title}</h2><span className="spacer" /><CopyButton value={s.code} label="Copy snippet" /></div>
                <pre className="code" tabIndex={0} aria-label={`${s.title} code`}><code>{s.code}</code></pre>
              </section>
            ))}
          </div>
        );
      }}
    </QueryView>
  );
};
