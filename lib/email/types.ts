import type { notificationDeliveries } from "@/db/schema";
import type { AppLocale } from "@/i18n/config";

/** One row of the outbox (`notification_deliveries`, channel "email"). */
export type OutboxRow = typeof notificationDeliveries.$inferSelect;

/** Who an email goes to. */
export type Recipient = { id: number; name: string; email: string; locale: AppLocale };

/** A rendered email: subject, plain-text and HTML parts, extra headers (List-Unsubscribe…). */
export type RenderedEmail = { subject: string; text: string; html: string; headers?: Record<string, string> };
