import ReactMarkdown from "react-markdown";

/**
 * Renders user Markdown safely: raw HTML in the source is shown as text (never parsed), links are
 * limited to http(s) and mailto, and images are not rendered.
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`prose-rb ${className}`}>
      <ReactMarkdown
        skipHtml={false}
        disallowedElements={["img"]}
        unwrapDisallowed
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
