import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { databasePath } from "@/db/open";
import { getDb } from "@/db/client";
import { files } from "@/db/schema";
import { sniffType } from "@/lib/files/sniff";
import { UPLOAD_MAX_BYTES, type FilePurpose, type UploadType } from "@/lib/capability/vocabulary";
import type { Tx } from "@/lib/roles/documents";

/**
 * Uploaded files (course images, certificates), stored under the data folder (`uploads/` next to
 * the database; UPLOADS_DIR overrides) by a random id, and served only through the signed-in route
 * /files/<id>, which asks the policy first. The type is found from the content, never the name.
 */
export function uploadsDir(): string {
  if (process.env.UPLOADS_DIR) return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR);
  const db = databasePath();
  if (db.endsWith(":memory:")) return path.join(os.tmpdir(), "rolebook-test-uploads");
  return path.join(path.dirname(db), "uploads");
}

export type UploadProblem = "empty" | "tooLarge" | "badType";

/** Checks an upload's bytes: not empty, at most UPLOAD_MAX_BYTES, and a PDF, PNG or JPEG by content. */
export function checkUpload(bytes: Uint8Array, allowed: readonly UploadType[]): { ok: true; mime: UploadType } | { ok: false; problem: UploadProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > UPLOAD_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  const mime = sniffType(bytes);
  if (!mime || !allowed.includes(mime)) return { ok: false, problem: "badType" };
  return { ok: true, mime };
}

/**
 * Writes checked bytes to disk and records them (inside the caller's transaction, so a failed
 * write leaves no row; a row whose transaction rolls back leaves an orphan file only, never a
 * broken link). Returns the file id.
 */
export function storeFile(tx: Tx, input: { bytes: Uint8Array; mime: UploadType; purpose: FilePurpose; originalName: string; uploadedById: number; now: string }): string {
  const id = randomUUID();
  const dir = uploadsDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, id), input.bytes, { flag: "wx" });
  tx.insert(files)
    .values({
      id,
      purpose: input.purpose,
      mime: input.mime,
      size: input.bytes.byteLength,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      originalName: input.originalName.slice(0, 200),
      uploadedById: input.uploadedById,
      createdAt: input.now,
    })
    .run();
  return id;
}

/** A stored file's record and bytes (null when there is none). Callers ask the policy first. */
export function readStoredFile(id: string): { row: typeof files.$inferSelect; bytes: Buffer } | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) return null;
  const row = getDb().select().from(files).where(eq(files.id, id)).get();
  if (!row) return null;
  const file = path.join(uploadsDir(), id);
  if (!fs.existsSync(file)) return null;
  return { row, bytes: fs.readFileSync(file) };
}
