import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { containsText, escapeLike } from "./like";

const words = sqliteTable("words", { w: text("w").notNull() });

describe("a search box's text in a LIKE condition", () => {
  it("escapes the wildcards and the escape character", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });
  it("matches text anywhere in the column, with % and _ taken literally", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec("create table words (w text not null); insert into words values ('50% off'), ('500 off'), ('a_b'), ('axb'), ('back\\slash')");
    const db = drizzle(sqlite);
    const find = (t: string) => db.select().from(words).where(containsText(words.w, t)).all().map((r) => r.w);
    expect(find("0% o")).toEqual(["50% off"]);
    expect(find("a_b")).toEqual(["a_b"]);
    expect(find("k\\s")).toEqual(["back\\slash"]);
    expect(find("off").sort()).toEqual(["50% off", "500 off"]);
  });
});
