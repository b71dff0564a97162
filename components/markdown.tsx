import ReactMarkdown, { type Options } from "react-markdown";

/**
 * The href a Markdown link may have: http(s) and mailto links, and paths on this site ("/…", "#…").
 * A link starting with two slashes or backslashes in any mix ("//host", slash-backslash-host…) is
 * another site (browsers read backslashes as slashes): it is written out as https:// and treated
 * like any http(s) link. Browsers drop tabs and line breaks inside URLs and controls and spaces
 * around them, so this does too before the check. Anything else (javascript:, data:, vbscript:,
 * other schemes, bare words) is refused ("": the text stays, the link goes).
 */
export function markdownHref(url: string): string {
  const u = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  // The Markdown parser hands a backslash over percent-encoded (%5C).
  if (/^(?:[\\/]|%5c){2}/i.test(u)) {
    const rest = u.replace(/^(?:[\\/]|%5c)+/i, "");
    return rest ? `https://${rest}` : "";
  }
  if (/^(https?:|mailto:)/i.test(u)) return u;
  if (/^[/#]/.test(u)) return u;
  return "";
}

/**
 * Renders user Markdown safely: raw HTML in the source is shown as text (never parsed), links are
 * limited by markdownHref, and images are not rendered.
 */
export function Markdown({
  children,
  className = "",
  rehypePlugins,
}: {
  children: string;
  className?: string;
  /** Extra HTML-tree steps, e.g. turning diff and search marks into <ins>/<del>/<mark>. */
  rehypePlugins?: Options["rehypePlugins"];
}) {
  return (
    <div className={`prose-rb ${className}`}>
      <ReactMarkdown
        skipHtml={false}
        disallowedElements={["img"]}
        unwrapDisallowed
        rehypePlugins={rehypePlugins}
        urlTransform={markdownHref}
        components={{
          a: ({ href, children }) => (
            <a href={href || undefined} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
