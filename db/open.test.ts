import { describe, expect, it } from "vitest";
import { cacheStatements, openDatabase } from "./open";

describe("cacheStatements", () => {
  const open = (max?: number) => {
    const db = cacheStatements(openDatabase(":memory:"), max);
    db.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
    return db;
  };

  it("hands back the same statement for the same SQL, and a new one for other SQL", () => {
    const db = open();
    const first = db.prepare("select name from t order by id");
    expect(db.prepare("select name from t order by id")).toBe(first);
    expect(db.prepare("select id from t")).not.toBe(first);
  });

  it("a statement left raw, plucked or expanded by one caller returns objects to the next", () => {
    const db = open();
    expect(db.prepare("select id, name from t order by id").raw().all()).toEqual([[1, "a"], [2, "b"]]);
    expect(db.prepare("select id, name from t order by id").all()).toEqual([{ id: 1, name: "a" }, { id: 2, name: "b" }]);
    expect(db.prepare("select id, name from t order by id").pluck().get()).toBe(1);
    expect(db.prepare("select id, name from t order by id").get()).toEqual({ id: 1, name: "a" });
    db.prepare("select id, name from t order by id").expand();
    expect(db.prepare("select id, name from t order by id").get()).toEqual({ id: 1, name: "a" });
  });

  it("writes run through cached statements too, with fresh parameters each time", () => {
    const db = open();
    for (const name of ["c", "d"]) db.prepare("insert into t (name) values (?)").run(name);
    expect(db.prepare("select count(*) as n from t").get()).toEqual({ n: 4 });
  });

  it("keeps at most `max` statements, dropping the least recently used", () => {
    const db = open(2);
    const a = db.prepare("select 1 as x");
    const b = db.prepare("select 2 as x");
    expect(db.prepare("select 1 as x")).toBe(a); // a is now the most recent
    db.prepare("select 3 as x"); // evicts b
    expect(db.prepare("select 1 as x")).toBe(a);
    expect(db.prepare("select 2 as x")).not.toBe(b);
  });

  it("a cached statement still works after the schema changes under it", () => {
    const db = open();
    expect(db.prepare("select * from t where id = ?").get(1)).toEqual({ id: 1, name: "a" });
    db.exec("alter table t add column extra text default 'x'");
    expect(db.prepare("select * from t where id = ?").get(1)).toEqual({ id: 1, name: "a", extra: "x" });
  });
});
