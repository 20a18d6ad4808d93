import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError, MSG, formValues, run } from "@/lib/result";

describe("run()", () => {
  // run() logs unexpected errors for the operator; keep the test output clean and check what was logged.
  let logged: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    logged = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    logged.mockRestore();
  });

  it("returns the work's value", async () => {
    await expect(run(async () => ({ id: "x" }))).resolves.toEqual({ ok: true, data: { id: "x" } });
  });

  it("passes a DomainError's code, message and field errors through", async () => {
    const result = await run(async () => {
      throw new DomainError("RULE_VIOLATION", "Hộ này đã chuyển đi.", { status: ["Hộ này đã chuyển đi."] });
    });
    expect(result).toEqual({ ok: false, code: "RULE_VIOLATION", message: "Hộ này đã chuyển đi.", fieldErrors: { status: ["Hộ này đã chuyển đi."] }, values: undefined });
  });

  it("echoes the form's values (but not the action ids) on failure", async () => {
    const form = new FormData();
    form.append("headName", "Nguyễn Văn A");
    form.append("$ACTION_ID_abc", "x");
    const result = await run(async () => {
      throw new DomainError("NOT_FOUND", MSG.notFound);
    }, form);
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: MSG.notFound, values: { headName: "Nguyễn Văn A" } });
    expect(formValues(form)).toEqual({ headName: "Nguyễn Văn A" });
  });

  it("maps a stale-row Prisma error (P2025) to CONFLICT with the stale message", async () => {
    const result = await run(async () => {
      throw Object.assign(new Error("Record to update not found."), { code: "P2025" });
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: MSG.stale });
  });

  it("maps a plain { code: 'P2025' } object the same way", async () => {
    const result = await run(async () => {
      throw { code: "P2025" };
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: MSG.stale });
  });

  it("maps a deadlock or write conflict (P2034) to CONFLICT asking to try again", async () => {
    const result = await run(async () => {
      throw { code: "P2034" };
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: MSG.busy });
  });

  it("maps a unique violation (P2002) on a known field to that field's message", async () => {
    const result = await run(
      async () => {
        throw { code: "P2002", meta: { target: ["communeId", "name"] } };
      },
      undefined,
      { name: ["name", "Tên này đã có."] },
    );
    expect(result).toEqual({ ok: false, code: "CONFLICT", message: "Tên này đã có.", fieldErrors: { name: ["Tên này đã có."] }, values: undefined });
  });

  it("maps any other unique violation to the generic conflict message", async () => {
    const result = await run(async () => {
      throw { code: "P2002", meta: { target: ["username"] } };
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: MSG.conflict });
  });

  it.each([
    ["an Error", new Error('relation "Household" password=hunter2 at 10.0.0.5')],
    ["a non-Prisma code", Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" })],
    ["a string", "boom: secret stack"],
  ])("hides %s behind INTERNAL and the generic message", async (_label, thrown) => {
    const result = await run(async () => {
      throw thrown;
    });
    expect(result).toEqual({ ok: false, code: "INTERNAL", message: MSG.internal, values: undefined });
    const text = JSON.stringify(result);
    for (const secret of ["hunter2", "10.0.0.5", "ECONNREFUSED", "secret"]) expect(text).not.toContain(secret);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  describe("refusals of the database's own triggers", () => {
    let warned: ReturnType<typeof vi.spyOn>;
    beforeEach(() => {
      warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    });
    afterEach(() => {
      warned.mockRestore();
    });

    // The shapes Prisma 7 throws through @prisma/adapter-pg (a model call, P2039; a raw query, P2010) and pg's own.
    const adapterError = (prismaCode: string, sqlState: string) =>
      Object.assign(new Error(`Database error. Code: \`${sqlState}\`. Message: \`Decision x is issued: UPDATE refused\``), {
        code: prismaCode,
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: sqlState, kind: "postgres", code: sqlState } } },
      });

    it.each([
      ["an issued decision (model call)", adapterError("P2039", "VH001"), MSG.decisionFrozen],
      ["an issued decision (raw query)", adapterError("P2010", "VH001"), MSG.decisionFrozen],
      ["an issued decision (pg)", Object.assign(new Error("Decision x is issued"), { code: "VH001", severity: "ERROR" }), MSG.decisionFrozen],
      ["the audit log", adapterError("P2039", "VH002"), MSG.auditAppendOnly],
    ])("turns %s into RULE_VIOLATION with the Vietnamese message, and keeps a trace", async (_label, thrown, message) => {
      const result = await run(async () => {
        throw thrown;
      });
      expect(result).toEqual({ ok: false, code: "RULE_VIOLATION", message, values: undefined });
      expect(JSON.stringify(result)).not.toContain("refused");
      expect(warned).toHaveBeenCalledTimes(1);
      expect(logged).not.toHaveBeenCalled();
    });

    it("leaves any other database error INTERNAL", async () => {
      const result = await run(async () => {
        throw adapterError("P2010", "42501");
      });
      expect(result).toEqual({ ok: false, code: "INTERNAL", message: MSG.internal, values: undefined });
    });
  });
});
