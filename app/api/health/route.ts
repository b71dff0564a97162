import { databaseIsReadable } from "@/lib/core/health";

export const dynamic = "force-dynamic";

export function GET() {
  const ok = databaseIsReadable();
  return Response.json(
    { status: ok ? "ok" : "error", db: ok ? "ok" : "error" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
