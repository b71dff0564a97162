import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import en from "@/i18n/messages/en.json";
import type { Actor } from "@/lib/auth/actor";
import { createAction } from "@/lib/core/action";
import { ActionError, ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";

/** createAction with the real English "errors" messages and a stubbed signed-in person. */

const actor = vi.hoisted(() => ({ current: null as unknown }));
const untouched = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => actor.current,
  getActorUntouched: async () => {
    untouched.calls++;
    return actor.current;
  },
}));
const mustEnrol = vi.hoisted(() => ({ current: false }));
vi.mock("@/lib/auth/second-factor", () => ({ mustEnrolSecondFactor: () => mustEnrol.current }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/i18n/messages/en.json")).default;
  return { getTranslations: async (namespace: "errors") => createTranslator({ locale: "en", messages, namespace }) };
});

const E = en.errors;
const ELIF: Actor = { id: 4, name: "Elif Yılmaz", email: "employee@example.com", appRole: "employee", jobRoleId: 1, teamId: 1, reportsToId: 3, locale: null };
const schema = z.object({ name: z.string().min(1).max(5), kind: z.enum(["a", "b"]).optional(), tags: z.array(z.string()).default([]) });

beforeEach(() => {
  actor.current = ELIF;
  mustEnrol.current = false;
});

/** An action whose handler records its calls and then behaves as given. */
function action(behave: () => unknown = () => "done", options?: { public?: boolean; beforeSecondFactor?: boolean; touchSession?: boolean }) {
  const handler = vi.fn((_input: z.output<typeof schema>, _actor: Actor) => behave());
  return { handler, run: createAction(schema, handler, options) };
}
const throws = (e: unknown) => () => {
  throw e;
};

describe("createAction", () => {
  it("refuses everything but the enrolment (and public actions) to a person who must enrol a second factor first", async () => {
    mustEnrol.current = true;
    const { handler, run } = action();
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: false, error: E.twoFactorEnrolFirst, fieldErrors: {} });
    expect(handler).not.toHaveBeenCalled();
    expect(await action(() => "enrolled", { beforeSecondFactor: true }).run(undefined, { name: "Ann" })).toEqual({ ok: true, data: "enrolled" });
    expect(await action(() => "public", { public: true }).run(undefined, { name: "Ann" })).toEqual({ ok: true, data: "public" });
  });

  it("touchSession: false reads the person without recording the request on their session", async () => {
    untouched.calls = 0;
    const quiet = action(() => "done", { touchSession: false });
    expect(await quiet.run(null, { name: "Ann" })).toEqual({ ok: true, data: "done" });
    expect(untouched.calls).toBe(1);
    expect(quiet.handler.mock.calls[0]![1]).toBe(ELIF);
    await action().run(null, { name: "Ann" });
    expect(untouched.calls).toBe(1);
  });

  it("refuses a signed-out caller without running the handler", async () => {
    actor.current = null;
    const { handler, run } = action();
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: false, error: E.unauthenticated, fieldErrors: {} });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets a signed-out caller through a public action", async () => {
    actor.current = null;
    const { handler, run } = action(() => "welcome", { public: true });
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: true, data: "welcome" });
    expect(handler).toHaveBeenCalledWith({ name: "Ann", tags: [] }, null);
  });

  it("passes the parsed input and the signed-in person to the handler", async () => {
    const { handler, run } = action();
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: true, data: "done" });
    expect(handler).toHaveBeenCalledWith({ name: "Ann", tags: [] }, ELIF);
  });

  it("refuses bad input field by field, without running the handler", async () => {
    const { handler, run } = action();
    expect(await run(undefined, { name: "", kind: "c" })).toEqual({
      ok: false,
      error: E.checkFields,
      fieldErrors: { name: E.required, kind: E.invalidChoice },
    });
    expect(await run(undefined, { name: "Annabel" })).toEqual({ ok: false, error: E.checkFields, fieldErrors: { name: "Use at most 5 characters." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns FormData into an object; repeated names become arrays", async () => {
    const { handler, run } = action();
    const form = new FormData();
    form.append("name", "Ann");
    form.append("tags", "a");
    form.append("tags", "b");
    form.append("tags", "c");
    form.append("$ACTION_ID_123", "");
    expect(await run(undefined, form)).toEqual({ ok: true, data: "done" });
    expect(handler).toHaveBeenCalledWith({ name: "Ann", tags: ["a", "b", "c"] }, ELIF);
  });

  it("translates a FieldError's messages field by field", async () => {
    const { run } = action(throws(new FieldError({ email: "emailTaken", _form: "notYourItem" })));
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: false, error: E.checkFields, fieldErrors: { email: E.emailTaken, _form: E.notYourItem } });
  });

  it("translates an ActionError with its values", async () => {
    const { run } = action(throws(new ActionError("signInLocked", { minutes: 3 })));
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: false, error: "Too many failed attempts. Try again in 3 minutes.", fieldErrors: {} });
  });

  it.each([
    ["NotFoundError", new NotFoundError("onboarding"), E.notFound],
    ["ForbiddenError", new ForbiddenError("audit.read"), E.forbidden],
    ["ConflictError", new ConflictError(), E.conflict],
  ])("turns a %s into its message", async (_name, error, message) => {
    const { run } = action(throws(error));
    expect(await run(undefined, { name: "Ann" })).toEqual({ ok: false, error: message, fieldErrors: {} });
  });

  it("lets an unexpected error through", async () => {
    const boom = new Error("database is locked");
    const { run } = action(throws(boom));
    await expect(run(undefined, { name: "Ann" })).rejects.toBe(boom);
  });
});
