import { found } from "@/lib/core/page";
import { assertPeopleDirectory } from "@/lib/people/directory";
import { requireActor } from "@/lib/auth/session";

/**
 * Checks access before the list streams, so a person without access gets a real 404 status
 * (the loading boundary below this layout would otherwise have sent 200 already).
 */
export default async function PeopleListLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  found(() => assertPeopleDirectory(actor));
  return children;
}
