import ReactMarkdown, { type Options } from "react-markdown";

/**
 * Renders user Markdown safely: raw HTML in the source is shown as text (never parsed), links are
 * limited to http(s) and mailto, and images are not rendered.
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
        urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? url : "")}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
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
