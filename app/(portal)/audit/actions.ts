"use server";

import { z } from "zod";
import { searchAuditPeople } from "@/lib/audit/browse";
import { createAction } from "@/lib/core/action";

/** The audit log's Person filter: up to 20 people matching the typed text, in the reader's scope. */
export const searchAuditPeopleAction = createAction(z.object({ q: z.string().max(100) }), (input, actor) => searchAuditPeople(actor, input.q));
