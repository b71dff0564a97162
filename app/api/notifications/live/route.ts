import { getActor } from "@/lib/auth/session";
import { liveNotificationState } from "@/lib/notifications/live";

export const dynamic = "force-dynamic";

/** The signed-in person's unread count and newest notification id, polled by the bell. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json(liveNotificationState(actor), { headers: { "Cache-Control": "no-store" } });
}
