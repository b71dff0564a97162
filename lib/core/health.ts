import "server-only";
import { getSqlite } from "@/db/client";

/** True when the database answers a read. No actor: the health check is public and reveals nothing. */
export function databaseIsReadable(): boolean {
  try {
    getSqlite().prepare("select count(*) as n from people").get();
    return true;
  } catch {
    return false;
  }
}
