import ReactMarkdown from "react-markdown";

const FILE_URL = /^\/files\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A course's Markdown, rendered safely like every user text (raw HTML shown as text, links only
 * http(s), mailto and in-app), except that images show when they are files uploaded to Rolebook
 * (`/files/<id>`, served only to signed-in people); any other image is dropped.
 */
export function CourseContent({ children }: { children: string }) {
  return (
    <div className="prose-rb">
      <ReactMarkdown
        skipHtml={false}
        urlTransform={(url, key) => (key === "src" ? (FILE_URL.test(url) ? url : "") : /^(https?:|mailto:|\/|#)/i.test(url) ? url : "")}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          h1: ({ children }) => <h2 className="mt-5 mb-2 text-lg font-semibold text-slate-900">{children}</h2>,
          h2: ({ children }) => <h2 className="mt-5 mb-2 text-lg font-semibold text-slate-900">{children}</h2>,
          h3: ({ children }) => <h3 className="mt-4 mb-1 text-base font-semibold text-slate-900">{children}</h3>,
          img: ({ src, alt }) =>
            typeof src === "string" && FILE_URL.test(src) ? (
              // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /files (no optimizer)
              <img src={src} alt={alt ?? ""} loading="lazy" className="my-3 max-h-96 max-w-full rounded border border-slate-200" />
            ) : null,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
