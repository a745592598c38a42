import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { WorkingCalendar } from "../../src/shared/calendar/index.js";
import { ItemError } from "../../src/shared/batch.js";
import { checkDossierCode, cleanApplicant, maskPersonal, parseDossierCode } from "../../src/modules/dossiers/write/dossier-rules.js";
import {
  DossierStatus as S, STATUS_PORTAL_CODES, TRANSITIONS, allowedAfter, canTransition,
} from "../../src/modules/dossiers/dossier-status.js";
import {
  applyStatusEvent, computeDueAt, extendByWorkingDays, finishedTimeliness, openTimeliness, processingDays, withDueAt,
  type LifecycleState,
} from "../../src/modules/dossiers/dossier-timeliness.js";

const t = (iso: string) => new Date(iso);
const calendar = new WorkingCalendar();

function itemError(fn: () => unknown): ItemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ItemError) return error;
    throw error;
  }
  throw new Error("expected an ItemError");
}

describe("the dossier lifecycle", () => {
  it("numbers the statuses 1..10 as the national portal does", () => {
    expect(Object.values(STATUS_PORTAL_CODES)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(STATUS_PORTAL_CODES.RETURNED).toBe(10);
  });

  it("lets nothing leave RETURNED, NOT_ACCEPTED or STOPPED, not even the same status again", () => {
    for (const final of [S.RETURNED, S.NOT_ACCEPTED, S.STOPPED]) {
      for (const to of Object.values(S)) expect(canTransition(final, to)).toBe(false);
      expect(allowedAfter(final)).toEqual([]);
    }
  });

  it("allows the portal's usual paths and refuses going back", () => {
    expect(canTransition(S.SUBMITTED, S.ACCEPTED)).toBe(true);
    expect(canTransition(S.SUBMITTED, S.NOT_ACCEPTED)).toBe(true);
    expect(canTransition(S.IN_PROCESS, S.SUPPLEMENT_REQUESTED)).toBe(true);
    expect(canTransition(S.SUPPLEMENT_REQUESTED, S.IN_PROCESS)).toBe(true);
    expect(canTransition(S.RESOLVED, S.RETURNED)).toBe(true);
    expect(canTransition(S.RESOLVED, S.IN_PROCESS)).toBe(false);
    expect(canTransition(S.SUBMITTED, S.RESOLVED)).toBe(false);
    expect(canTransition(S.IN_PROCESS, S.ACCEPTED)).toBe(false);
  });

  it("allows recording a status that is not final again (a hand-over or a note)", () => {
    expect(canTransition(S.IN_PROCESS, S.IN_PROCESS)).toBe(true);
    expect(canTransition(S.RESOLVED, S.RESOLVED)).toBe(true);
  });

  it("has a transition list for every status, naming only statuses", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.values(S).sort());
    for (const targets of Object.values(TRANSITIONS)) for (const to of targets) expect(Object.values(S)).toContain(to);
  });
});

describe("dossier codes", () => {
  it("splits a well-formed code into agency, date and sequence", () => {
    expect(parseDossierCode("000.17.22.H56-210531-0001")).toEqual({ agencyCode: "000.17.22.H56", yymmdd: "210531", sequence: "0001" });
    expect(parseDossierCode("000.17.22.H56-210531-12345")).not.toBeNull();
  });

  it("rejects malformed codes, a short sequence and a foreign agency part", () => {
    expect(itemError(() => checkDossierCode("000.17.22.H56-210531-001", "000.17.22.H56", t("2021-05-31T08:00:00+07:00"))).code).toBe("INVALID_FORMAT");
    expect(itemError(() => checkDossierCode("H56-210531-0001", "000.17.22.H56", t("2021-05-31T08:00:00+07:00"))).code).toBe("INVALID_FORMAT");
    const foreign = itemError(() => checkDossierCode("000.17.23.H56-210531-0001", "000.17.22.H56", t("2021-05-31T08:00:00+07:00")));
    expect(foreign).toMatchObject({ code: "MISMATCH", field: "code" });
  });

  it("takes the date part in Vietnam time: 31 May 23:30 UTC is 1 June in Hà Nội", () => {
    expect(() => checkDossierCode("000.17.22.H56-210601-0001", "000.17.22.H56", t("2021-05-31T23:30:00Z"))).not.toThrow();
    expect(itemError(() => checkDossierCode("000.17.22.H56-210531-0001", "000.17.22.H56", t("2021-05-31T23:30:00Z"))).code).toBe("MISMATCH");
  });
});

describe("applicant data", () => {
  it("masks all but the first and the last two characters", () => {
    expect(maskPersonal("012345678912")).toBe("0*********12");
    expect(maskPersonal("0912345678")).toBe("0*******78");
    expect(maskPersonal("abc")).toBe("***");
    expect(maskPersonal(null)).toBeNull();
  });

  it("normalises the phone number and names the field of a bad value", () => {
    expect(cleanApplicant({ name: " Nguyễn Văn A ", phone: "091 234.5678" })).toMatchObject({ name: "Nguyễn Văn A", phone: "0912345678", kind: "CITIZEN" });
    expect(itemError(() => cleanApplicant({ name: "A", phone: "12" })).field).toBe("applicant.phone");
    expect(itemError(() => cleanApplicant({ name: "A", identityNumber: "12 34" })).field).toBe("applicant.identityNumber");
    expect(itemError(() => cleanApplicant({ name: "A", email: "not-an-email" })).field).toBe("applicant.email");
    expect(itemError(() => cleanApplicant({ name: "  " })).code).toBe("REQUIRED");
  });
});

describe("due dates", () => {
  it("rounds half days up and counts 0 days as one working day", () => {
    expect(processingDays(0)).toBe(1);
    expect(processingDays(0.5)).toBe(1);
    expect(processingDays(2.5)).toBe(3);
    expect(processingDays(3)).toBe(3);
  });

  it("counts from the next working day after the cut-off hour", () => {
    // Monday 31 May 2021: before 15:00 Monday is day 1; at 15:00 Tuesday is.
    expect(computeDueAt(calendar, t("2021-05-31T14:59:00+07:00"), 3, 15).toISOString()).toBe(t("2021-06-02T17:00:00+07:00").toISOString());
    expect(computeDueAt(calendar, t("2021-05-31T15:00:00+07:00"), 3, 15).toISOString()).toBe(t("2021-06-03T17:00:00+07:00").toISOString());
    expect(computeDueAt(calendar, t("2021-05-31T12:30:00+07:00"), 3, 12).toISOString()).toBe(t("2021-06-03T17:00:00+07:00").toISOString());
  });

  it("moves an instant by working days, keeping the time of day and skipping the weekend", () => {
    expect(extendByWorkingDays(calendar, t("2021-06-04T17:00:00+07:00"), 1).toISOString()).toBe(t("2021-06-07T17:00:00+07:00").toISOString());
    expect(extendByWorkingDays(calendar, t("2021-06-04T17:00:00+07:00"), 0).toISOString()).toBe(t("2021-06-04T17:00:00+07:00").toISOString());
  });

  it("reads CUTOFF_HOUR from the environment, default 15, and rejects an impossible hour", () => {
    expect(loadConfig({}).cutoffHour).toBe(15);
    expect(loadConfig({ CUTOFF_HOUR: "16" }).cutoffHour).toBe(16);
    expect(() => loadConfig({ CUTOFF_HOUR: "25" })).toThrow(/CUTOFF_HOUR/);
  });
});

describe("timeliness", () => {
  const due = t("2021-06-02T17:00:00+07:00");
  const base: LifecycleState = {
    status: S.ACCEPTED,
    dueAt: due,
    effectiveDueAt: due,
    supplementCount: 0,
    supplementDays: 0,
    supplementSince: null,
    finishedAt: null,
    timeliness: null,
  };

  it("is EARLY when finished on a day before the due date's day", () => {
    expect(finishedTimeliness({ effectiveDueAt: due, finishedAt: t("2021-06-01T16:59:00+07:00"), supplementCount: 0 })).toBe("EARLY");
  });

  it("is ON_TIME when finished on the due date by the due instant", () => {
    expect(finishedTimeliness({ effectiveDueAt: due, finishedAt: t("2021-06-02T08:00:00+07:00"), supplementCount: 0 })).toBe("ON_TIME");
    expect(finishedTimeliness({ effectiveDueAt: due, finishedAt: due, supplementCount: 1 })).toBe("ON_TIME");
  });

  it("is LATE after the due instant", () => {
    expect(finishedTimeliness({ effectiveDueAt: due, finishedAt: t("2021-06-02T17:00:01+07:00"), supplementCount: 0 })).toBe("LATE");
  });

  it("is LATE after more than one supplement request, however early", () => {
    expect(finishedTimeliness({ effectiveDueAt: due, finishedAt: t("2021-06-01T08:00:00+07:00"), supplementCount: 2 })).toBe("LATE");
  });

  it("is IN_TIME or OVERDUE for an open dossier, with the clock stopped while waiting on a supplement", () => {
    expect(openTimeliness({ effectiveDueAt: due, supplementSince: null }, t("2021-06-02T16:00:00+07:00"))).toBe("IN_TIME");
    expect(openTimeliness({ effectiveDueAt: due, supplementSince: null }, t("2021-06-03T08:00:00+07:00"))).toBe("OVERDUE");
    expect(openTimeliness({ effectiveDueAt: due, supplementSince: t("2021-06-01T10:00:00+07:00") }, t("2021-07-01T08:00:00+07:00"))).toBe("IN_TIME");
  });

  it("does not count the working days spent waiting on the applicant", () => {
    // Requested Monday 31 May, supplemented Wednesday 2 June: two working days waited, due moves to Friday.
    let state = applyStatusEvent(calendar, base, S.SUPPLEMENT_REQUESTED, t("2021-05-31T10:00:00+07:00"));
    expect(state).toMatchObject({ supplementCount: 1, supplementSince: t("2021-05-31T10:00:00+07:00") });
    state = applyStatusEvent(calendar, state, S.IN_PROCESS, t("2021-06-02T09:00:00+07:00"));
    expect(state).toMatchObject({ supplementDays: 2, supplementSince: null });
    expect(state.effectiveDueAt.toISOString()).toBe(t("2021-06-04T17:00:00+07:00").toISOString());
    // Resolved Thursday, after the original due date but before the extended one.
    state = applyStatusEvent(calendar, state, S.RESOLVED, t("2021-06-03T16:00:00+07:00"));
    expect(state).toMatchObject({ finishedAt: t("2021-06-03T16:00:00+07:00"), timeliness: "EARLY" });
  });

  it("fixes the end at the first finishing status: RETURNED after RESOLVED changes nothing", () => {
    const resolved = applyStatusEvent(calendar, base, S.RESOLVED, t("2021-06-02T10:00:00+07:00"));
    const returned = applyStatusEvent(calendar, resolved, S.RETURNED, t("2021-06-10T10:00:00+07:00"));
    expect(returned).toMatchObject({ status: S.RETURNED, finishedAt: t("2021-06-02T10:00:00+07:00"), timeliness: "ON_TIME" });
  });

  it("counts a refusal and a stop as the end of handling", () => {
    expect(applyStatusEvent(calendar, { ...base, status: S.SUBMITTED }, S.NOT_ACCEPTED, t("2021-06-03T10:00:00+07:00")).timeliness).toBe("LATE");
    const waiting = applyStatusEvent(calendar, base, S.SUPPLEMENT_REQUESTED, t("2021-06-01T10:00:00+07:00"));
    const stopped = applyStatusEvent(calendar, waiting, S.STOPPED, t("2021-06-10T10:00:00+07:00"));
    // Seven working days waited (2–10 June): due moves from Wednesday 2 to Friday 11 June.
    expect(stopped).toMatchObject({ timeliness: "EARLY", supplementDays: 7, effectiveDueAt: t("2021-06-11T17:00:00+07:00") });
  });

  it("recomputes the effective due date and the timeliness when the base due date changes", () => {
    const finished = applyStatusEvent(calendar, base, S.RESOLVED, t("2021-06-03T10:00:00+07:00"));
    expect(finished.timeliness).toBe("LATE");
    const moved = withDueAt(calendar, finished, t("2021-06-04T17:00:00+07:00"));
    expect(moved).toMatchObject({ timeliness: "EARLY", effectiveDueAt: t("2021-06-04T17:00:00+07:00") });
  });
});
