import "server-only";
import type { EmailT } from "./i18n";
import { appUrl } from "./urls";

/*
 * The one email layout: every email (notification, digest, invitation) is a heading, a few
 * paragraphs, at most one main link (the exact item), optional listed items (the digest), and a
 * footer that says why the person gets it and where to change that. User text is escaped: emails
 * carry plain text, never HTML someone typed.
 */

export type EmailLink = { label: string; url: string };

export type EmailBody = {
  heading: string;
  paragraphs: string[];
  /** The one call to action: the exact item. */
  action?: EmailLink;
  /** Listed items (a digest): each a line of text with its link. */
  items?: { text: string; url: string; meta?: string }[];
  /** One-click unsubscribe page (signed token); shown in the footer when present. */
  unsubscribeUrl?: string;
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Renders the HTML and plain-text parts of an email body. `t` is the recipient's translator. */
export function renderLayout(body: EmailBody, t: EmailT, lang: string): { html: string; text: string } {
  const prefsUrl = appUrl("/preferences#email");
  const footer = [t("email.layout.why"), t("email.layout.change")];

  const text = [
    body.heading,
    "",
    ...body.paragraphs.flatMap((p) => [p, ""]),
    ...(body.items?.length ? [...body.items.flatMap((i) => [`• ${i.text}${i.meta ? ` (${i.meta})` : ""}`, `  ${i.url}`]), ""] : []),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ""] : []),
    "—",
    footer[0],
    `${footer[1]}: ${prefsUrl}`,
    ...(body.unsubscribeUrl ? [`${t("email.layout.unsubscribe")}: ${body.unsubscribeUrl}`] : []),
  ].join("\n");

  const button = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(body.action.label)}</a></p>`
    : "";
  const items = body.items?.length
    ? `<ul style="padding-left:20px;margin:16px 0">${body.items
        .map(
          (i) =>
            `<li style="margin:0 0 10px"><a href="${escapeHtml(i.url)}" style="color:#1d4ed8">${escapeHtml(i.text)}</a>${i.meta ? ` <span style="color:#475569">(${escapeHtml(i.meta)})</span>` : ""}</li>`,
        )
        .join("")}</ul>`
    : "";
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(body.heading)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="margin:0 0 16px;font-weight:700;color:#1d4ed8">Rolebook</p>
<div style="background:#ffffff;border-radius:8px;padding:24px;border:1px solid #e2e8f0">
<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${items}
${button}
</div>
<p style="font-size:12px;color:#475569;line-height:1.5;margin:16px 0 0">${escapeHtml(footer[0])} <a href="${escapeHtml(prefsUrl)}" style="color:#475569">${escapeHtml(footer[1])}</a>${
    body.unsubscribeUrl ? ` · <a href="${escapeHtml(body.unsubscribeUrl)}" style="color:#475569">${escapeHtml(t("email.layout.unsubscribe"))}</a>` : ""
  }</p>
</div></body></html>`;
  return { html, text };
}
