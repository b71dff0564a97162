import { linkify } from "@/components/ui/linkify";

/**
 * User-written plain text: line breaks kept, long words wrapped, web and mail addresses as links
 * (http(s) and mailto only, never raw HTML).
 */
export function PlainText({ children, className = "", as: Tag = "p" }: { children: string; className?: string; as?: "p" | "span" | "div" }) {
  return (
    <Tag className={`whitespace-pre-wrap [overflow-wrap:anywhere] ${className}`}>
      {linkify(children).map((p, i) =>
        p.kind === "link" ? (
          <a key={i} href={p.href} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </Tag>
  );
}
