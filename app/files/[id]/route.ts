import { getActor } from "@/lib/auth/session";
import { fileForViewer } from "@/lib/capability/courses";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";

/**
 * A stored upload (course image, certificate) for signed-in people only: the policy decides in
 * `fileForViewer`; anything out of reach is a plain 404. Images show inline, PDFs download.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  const actor = await getActor();
  if (!actor) return notFound();
  const { id } = await params;
  try {
    const file = fileForViewer(actor, id);
    const image = file.mime.startsWith("image/");
    const ext = file.mime === "application/pdf" ? "pdf" : file.mime === "image/png" ? "png" : "jpg";
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mime,
        "Content-Length": String(file.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `${image ? "inline" : "attachment"}; filename="${id}.${ext}"`,
        "Cache-Control": "private, max-age=300",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return notFound();
    throw e;
  }
}
