import { useMutation, useQuery } from '@apollo/client/react';
import { describeError } from '../api/errors';
import { ARTICLE_PREVIEW, PREVIEW_TOKEN } from '../api/operations';
import type { ServerArticle } from './article-draft';

const PREVIEW_STYLE =
  'body{font:18px/1.6 Georgia,serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}img{max-width:100%;height:auto}' +
  'figcaption{font:14px/1.4 system-ui,sans-serif;color:#444}blockquote{border-left:3px solid #999;margin-left:0;padding-left:1rem}';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

// The working copy as readers would see it, rendered by the API (bodyHtml, sanitised) in a sandboxed
// frame with no scripts; and a preview token for a front-end that reads drafts through the public API.
export function PreviewPanel({ article }: { article: ServerArticle }) {
  const { data, error } = useQuery<any>(ARTICLE_PREVIEW, { variables: { id: article.id }, fetchPolicy: 'network-only' });
  const [mint, token] = useMutation<any>(PREVIEW_TOKEN);
  const preview = data?.adminArticle;
  const html = preview
    ? `<!doctype html><html><head><style>${PREVIEW_STYLE}</style></head><body><h1>${escapeHtml(preview.headline)}</h1>` +
      `${preview.dek ? `<p><em>${escapeHtml(preview.dek)}</em></p>` : ''}${preview.bodyHtml}</body></html>`
    : '';
  return (
    <section className="preview" aria-label="Preview">
      <h2>Preview</h2>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      {preview && <iframe title="Article preview" sandbox="" srcDoc={html} />}
      <button type="button" onClick={() => void mint({ variables: { input: { id: article.id } } }).catch(() => undefined)}>
        Create a preview token for the front-end
      </button>
      {token.error && (
        <p className="error" role="alert">
          {describeError(token.error)}
        </p>
      )}
      {token.data?.createPreviewToken.previewUrl && (
        <p>
          {/* The site's own preview page (PREVIEW_URL_PATTERN), which reads the draft with the token. */}
          <a href={token.data.createPreviewToken.previewUrl} target="_blank" rel="noopener noreferrer">
            Open the preview on the site
          </a>
        </p>
      )}
      {token.data && (
        <div className="preview-token">
          {/* A read-only field: selectable and copyable with the keyboard. */}
          <label>
            Preview token
            <input readOnly value={token.data.createPreviewToken.token} onFocus={(e) => e.target.select()} />
          </label>
          <p className="hint">
            Valid until {new Date(token.data.createPreviewToken.expiresAt).toLocaleString()}. Front-ends read the draft with{' '}
            <code>article(slug: "{article.slug}", previewToken: "…")</code>.
          </p>
        </div>
      )}
    </section>
  );
}
