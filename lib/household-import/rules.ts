import type { z } from "zod";
import type { PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";
import { HOUSEHOLD_MSG } from "@/lib/households/labels";
import { HouseholdInput, MAX_MEMBERS, MemberInput } from "@/lib/households/schema";
import { cleanText, dedupeKeyOf, foldText, searchTextOf } from "@/lib/text";
import { IMPORT_MSG, MAX_STORED_ERRORS } from "./labels";
import {
  COLUMN_KEYS, COLUMN_LABEL, REQUIRED_COLUMNS,
  type CellValue, type ColumnKey, type HamletCount, type RowError, type StagedHousehold, type StagedMember,
} from "./schema";

// The import's rules, pure: which header names which column, what a relationship or poverty cell means, and the
// row-by-row check of a file (HouseholdFileChecker). No database, no files: the service feeds rows in and gets
// households and errors out.

// ---------------------------------------------------------------------------------------------------------------
// Headers

/** A label as compared: accents, case, bracketed notes ("Năm sinh (yyyy)"), dots and separators folded away. */
export function labelKey(text: string): string {
  return foldText(text.replace(/\([^)]*\)|\[[^\]]*\]/g, " "))
    .replace(/[.:*]/g, " ")
    .replace(/\s*(?:[/,;&+\-]|\bva\b|\bhoac\b)\s*/g, "/")
    .replace(/\/+/g, "/")
    .replace(/^\/|\/$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** What headers each column is known by, besides the template's own (COLUMN_LABEL). */
const HEADER_SYNONYMS: Record<ColumnKey, readonly string[]> = {
  index: ["TT", "Số TT", "Số thứ tự", "STT hộ"],
  hamlet: ["Tên xóm", "Thôn", "Tên thôn", "Thôn/Xóm", "Xóm/Thôn", "Thôn, xóm", "Bản", "Tổ dân phố", "Xóm/Tổ dân phố", "Khu dân cư"],
  fullName: ["Họ tên", "Họ và tên chủ hộ", "Họ tên chủ hộ", "Tên chủ hộ", "Chủ hộ", "Họ và tên thành viên", "Họ và tên nhân khẩu", "Tên"],
  relationship: ["Quan hệ", "Quan hệ chủ hộ", "Quan hệ với chủ hộ", "Mối quan hệ", "Mối quan hệ với chủ hộ", "QH với chủ hộ", "QH"],
  birthYear: ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Năm sinh chủ hộ", "NS"],
  address: ["Địa chỉ thường trú", "Nơi ở", "Nơi ở hiện nay", "Chỗ ở hiện nay", "Địa chỉ cư trú", "Số nhà"],
  phone: ["Điện thoại", "SĐT", "Số ĐT", "ĐT", "Số điện thoại liên hệ"],
  poverty: ["Hộ nghèo/cận nghèo", "Hộ nghèo, cận nghèo", "Nghèo/cận nghèo", "Phân loại hộ", "Diện hộ", "Hộ nghèo hoặc cận nghèo"],
};

const HEADER_LOOKUP: ReadonlyMap<string, ColumnKey> = new Map(
  COLUMN_KEYS.flatMap((key) => [COLUMN_LABEL[key], ...HEADER_SYNONYMS[key]].map((label) => [labelKey(label), key] as const)),
);

/** The column a header names, or undefined for a column the import does not read. */
export function columnOfHeader(text: string): ColumnKey | undefined {
  return HEADER_LOOKUP.get(labelKey(text));
}

export type HeaderMatch = {
  /** 0-based cell index of each column found. */
  columns: Partial<Record<ColumnKey, number>>;
  /** The header as the file writes it, for error messages. */
  labels: Partial<Record<ColumnKey, string>>;
  /** Missing or repeated columns: the file cannot be read with this header. */
  errors: string[];
};

/**
 * Reads a row as the header, or returns null when it does not look like one (title rows above the header do not):
 * a header names "Họ và tên" and at least one other known column.
 */
export function matchHeaders(cells: readonly CellValue[]): HeaderMatch | null {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const labels: Partial<Record<ColumnKey, string>> = {};
  const errors: string[] = [];
  let known = 0;
  cells.forEach((cell, index) => {
    const text = cellText(cell).trim();
    if (!text) return;
    const key = columnOfHeader(text);
    if (!key) return;
    known++;
    if (columns[key] !== undefined) {
      if (key !== "index") errors.push(IMPORT_MSG.repeatedColumn(text));
      return;
    }
    columns[key] = index;
    labels[key] = text;
  });
  if (columns.fullName === undefined || known < 2) return null;
  for (const key of REQUIRED_COLUMNS) if (columns[key] === undefined) errors.push(IMPORT_MSG.missingColumn(COLUMN_LABEL[key]));
  return { columns, labels, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values

/** A cell as text: numbers without thousands separators, dates as dd/mm/yyyy. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const d = value;
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

const FULL_DATE = /^\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(\d{4})\s*$/;

/** The birth year a cell gives: a year, or the year of a full date of birth (a date cell or "dd/mm/yyyy"). */
export function birthYearText(value: CellValue | undefined): string {
  if (value instanceof Date) return String(value.getUTCFullYear());
  const text = cellText(value).trim();
  return FULL_DATE.exec(text)?.[1] ?? text;
}

/**
 * A phone number as the household form takes it. A number cell lost its leading 0 (Excel drops it from
 * 0912345678), so nine digits get it back; +84 is the same number written internationally.
 */
export function phoneText(value: CellValue | undefined): string {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) {
    const digits = String(value);
    return digits.length === 9 ? `0${digits}` : digits;
  }
  const text = cellText(value).trim();
  const digits = text.replace(/[\s.\-()]/g, "");
  // The same loss in a CSV saved from a number column; a Vietnamese number without its 0 has nine digits.
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  const international = /^\+?84(\d{9})$/.exec(digits);
  return international ? `0${international[1]}` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Relationship and poverty cells

/** How files write each relationship to the head (Relationship in prisma/schema.prisma). */
const RELATIONSHIP_SYNONYMS: Record<Relationship, readonly string[]> = {
  HEAD: ["Chủ hộ", "Chủ hộ gia đình"],
  SPOUSE: ["Vợ/Chồng", "Vợ", "Chồng", "Vợ chồng", "Chồng/Vợ"],
  CHILD: ["Con", "Con trai", "Con gái", "Con đẻ", "Con ruột", "Con nuôi", "Con riêng"],
  PARENT: ["Bố/Mẹ", "Bố", "Mẹ", "Cha", "Cha/Mẹ", "Bố mẹ", "Cha mẹ", "Bố đẻ", "Mẹ đẻ", "Bố chồng", "Mẹ chồng", "Bố vợ", "Mẹ vợ"],
  GRANDCHILD: ["Cháu", "Cháu nội", "Cháu ngoại", "Chắt"],
  SIBLING: ["Anh/Chị/Em", "Anh", "Chị", "Em", "Anh trai", "Chị gái", "Em trai", "Em gái", "Anh ruột", "Chị ruột", "Em ruột", "Anh chị em", "Anh/Em", "Chị/Em"],
  CHILD_IN_LAW: ["Con dâu/Con rể", "Con dâu", "Con rể", "Con dâu/rể", "Con rể/Con dâu"],
  OTHER: ["Khác", "Ông", "Bà", "Ông nội", "Bà nội", "Ông ngoại", "Bà ngoại", "Cô", "Dì", "Chú", "Bác", "Cậu", "Mợ", "Thím", "Người ở nhờ", "Ở ghép", "Người giúp việc"],
};

/**
 * Builds a lookup that first compares with accents (so "Bà" and "Ba" stay apart where it matters) and then without;
 * a folded spelling that two values share is left out of the second step rather than guessed.
 */
function lookupOf<V extends string>(synonyms: Record<V, readonly string[]>): (text: string) => V | undefined {
  const exact = new Map<string, V>();
  const folded = new Map<string, V | null>();
  const accented = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s*[/,;&+\-]\s*/g, "/").replace(/\s+/g, " ").trim();
  for (const [value, list] of Object.entries(synonyms) as [V, readonly string[]][]) {
    for (const text of [value, ...list]) {
      exact.set(accented(text), value);
      const key = labelKey(text);
      folded.set(key, folded.has(key) && folded.get(key) !== value ? null : value);
    }
  }
  return (text) => exact.get(accented(text)) ?? folded.get(labelKey(text)) ?? undefined;
}

/** The relationship a cell names ("Vợ", "con trai", "CON DAU", "HEAD"…), or undefined when it names none. */
export const relationshipOf = lookupOf(RELATIONSHIP_SYNONYMS);

const POVERTY_SYNONYMS: Record<PovertyStatus, readonly string[]> = {
  POOR: ["Nghèo", "Hộ nghèo", "HN"],
  NEAR_POOR: ["Cận nghèo", "Hộ cận nghèo", "CN", "HCN"],
  NONE: ["Không", "Ko", "K", "Bình thường", "Thoát nghèo", "0"],
};
const povertyLookup = lookupOf(POVERTY_SYNONYMS);

/** The poverty status a cell gives: blank means none. */
export function povertyOf(text: string): PovertyStatus | undefined {
  const trimmed = text.trim();
  return trimmed === "" || trimmed === "-" ? "NONE" : povertyLookup(trimmed);
}

// ---------------------------------------------------------------------------------------------------------------
// Hamlets

export type HamletRef = { id: string; name: string };

const KIND_PREFIX = /^(?:xom|thon|ban|to dan pho|to|khu pho|khu)\s+/;
const ACCENTED_KIND_PREFIX = /^(?:xóm|thôn|bản|tổ dân phố|tổ|khu phố|khu)\s+/;

/**
 * Finds the commune's hamlet a cell names, accent- and case-insensitively, with or without "Xóm"/"Thôn" in front.
 * Two hamlets that differ only by accents are told apart by the accents the cell writes.
 */
export function hamletFinder(hamlets: readonly HamletRef[]) {
  const byKey = new Map<string, HamletRef[]>();
  const byBareKey = new Map<string, HamletRef[]>();
  const add = (map: Map<string, HamletRef[]>, key: string, hamlet: HamletRef) => {
    const list = map.get(key) ?? [];
    if (!list.includes(hamlet)) list.push(hamlet);
    map.set(key, list);
  };
  for (const hamlet of hamlets) {
    const key = foldText(hamlet.name);
    add(byKey, key, hamlet);
    add(byBareKey, key.replace(KIND_PREFIX, ""), hamlet);
  }
  const exact = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const pick = (list: HamletRef[] | undefined, text: string): HamletRef | "ambiguous" | undefined => {
    if (!list?.length) return undefined;
    if (list.length === 1) return list[0];
    const same = list.filter((h) => exact(h.name) === exact(text) || exact(h.name).replace(ACCENTED_KIND_PREFIX, "") === exact(text).replace(ACCENTED_KIND_PREFIX, ""));
    return same.length === 1 ? same[0] : "ambiguous";
  };
  // The full name first ("Bản Lác"), then the cell without its kind word ("Xóm Bản Lác"), then names without theirs.
  return (text: string): HamletRef | "ambiguous" | undefined => {
    const key = foldText(text);
    const bare = key.replace(KIND_PREFIX, "");
    return pick(byKey.get(key), text) ?? pick(byKey.get(bare), text) ?? pick(byBareKey.get(key), text) ?? pick(byBareKey.get(bare), text);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The row-by-row check

export type CheckContext = {
  /** The actor's commune's hamlets. */
  hamlets: readonly HamletRef[];
  /** Whether the actor may write households of this hamlet (policy.can "household.write"). */
  mayWrite: (hamletId: string) => boolean;
  /** The hamlet a hamlet head is bound to, named in the out-of-scope message. */
  ownHamletName: string | null;
  /** Whether the registry already holds a household with this dedupe key in this hamlet. */
  isRegistered: (hamletId: string, dedupeKey: string) => boolean;
  /** Receives each household that passed every check, in file order. */
  onHousehold?: (household: StagedHousehold) => void;
  maxErrors?: number;
};

export type CheckSummary = {
  households: number;
  /** Persons: heads and members. */
  members: number;
  errorCount: number;
  errors: RowError[];
  hamlets: HamletCount[];
};

/** A row is looked for as the header among the first rows only (a title and a blank line may sit above it). */
const HEADER_SEARCH_ROWS = 20;

/** A valid uuid that names no hamlet, so a row with an unknown hamlet still gets its other fields checked. */
const NO_HAMLET = "00000000-0000-4000-8000-000000000000";

const HEAD_FIELDS: Record<string, ColumnKey> = { headName: "fullName", headBirthYear: "birthYear", address: "address", phone: "phone" };
const MEMBER_FIELDS: Record<string, ColumnKey> = { fullName: "fullName", birthYear: "birthYear", relationship: "relationship" };

type Current = { household: StagedHousehold; ok: boolean; tooManyReported: boolean; count: HamletCount | null };

/**
 * Checks a file row by row with the household form's rules, keeping only small state: the header, the household
 * being read, and the dedupe keys seen so far. Households come out through onHousehold once their last member row
 * is read; finish() gives the counts and the first errors.
 */
export class HouseholdFileChecker {
  private header: HeaderMatch | null = null;
  /** The columns of the header that hold data (STT aside): a row with all of them blank is skipped. */
  private readColumns: ColumnKey[] = [];
  /** Hamlet cells repeat on every head row: each distinct spelling is looked up once. */
  private readonly hamletCache = new Map<string, ReturnType<ReturnType<typeof hamletFinder>>>();
  private headerRow = 0;
  private rowsBeforeHeader = 0;
  private stopped = false;
  private current: Current | null = null;
  private readonly seen = new Map<string, number>();
  private readonly perHamlet = new Map<string, HamletCount>();
  private readonly findHamlet: ReturnType<typeof hamletFinder>;
  private readonly maxErrors: number;
  private households = 0;
  private members = 0;
  private dataRows = 0;
  private errorCount = 0;
  private readonly errors: RowError[] = [];

  constructor(private readonly ctx: CheckContext) {
    this.findHamlet = hamletFinder(ctx.hamlets);
    this.maxErrors = ctx.maxErrors ?? MAX_STORED_ERRORS;
  }

  /** False once the rest of the file cannot change the outcome (no header found, or a header the file cannot be read with). */
  get wantsMoreRows(): boolean {
    return !this.stopped;
  }

  /** Whether any row so far was wrong (the file can then no longer be imported). */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** One row: its number as the spreadsheet shows it, and its cells from the first column on. */
  push(row: number, cells: readonly CellValue[]): void {
    if (this.stopped) return;
    if (!this.header) {
      if (cells.every((c) => cellText(c).trim() === "")) return;
      const header = matchHeaders(cells);
      if (!header) {
        if (++this.rowsBeforeHeader >= HEADER_SEARCH_ROWS) this.stopped = true;
        return;
      }
      this.header = header;
      this.headerRow = row;
      this.readColumns = COLUMN_KEYS.filter((k) => k !== "index" && header.columns[k] !== undefined);
      if (header.errors.length) {
        for (const message of header.errors) this.error(row, null, message);
        this.stopped = true;
      }
      return;
    }
    this.dataRow(row, cells);
  }

  finish(): CheckSummary {
    this.closeHousehold();
    if (!this.header) this.error(null, null, IMPORT_MSG.noHeader);
    else if (this.dataRows === 0 && this.errorCount === 0) this.error(this.headerRow, null, IMPORT_MSG.noRows);
    this.stopped = true;
    return {
      households: this.households,
      members: this.members,
      errorCount: this.errorCount,
      errors: this.errors,
      hamlets: [...this.perHamlet.values()].sort((a, b) => a.name.localeCompare(b.name, "vi")),
    };
  }

  private error(row: number | null, column: ColumnKey | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) {
      this.errors.push({ row, column: column ? (this.header?.labels[column] ?? COLUMN_LABEL[column]) : null, message });
    }
  }

  private cell(cells: readonly CellValue[], key: ColumnKey): CellValue | undefined {
    const index = this.header!.columns[key];
    return index === undefined ? undefined : cells[index];
  }

  private issues(row: number, error: z.ZodError, fields: Record<string, ColumnKey>): void {
    const reported = new Set<string>();
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? "");
      const column = fields[field];
      if (!column || reported.has(field)) continue;
      reported.add(field);
      this.error(row, column, issue.message);
    }
  }

  private dataRow(row: number, cells: readonly CellValue[]): void {
    const text = (key: ColumnKey) => cellText(this.cell(cells, key)).trim();
    if (this.readColumns.every((k) => text(k) === "")) return;
    this.dataRows++;

    let relationship: Relationship | undefined = "HEAD";
    if (this.header!.columns.relationship !== undefined) {
      const raw = text("relationship");
      relationship = raw ? relationshipOf(raw) : undefined;
      if (!relationship) {
        this.error(row, "relationship", raw ? IMPORT_MSG.relationshipUnknown(raw) : IMPORT_MSG.relationshipMissing);
        // The row still belongs to the household above it (it is not a new one), so it marks that one as faulty.
        if (this.current) this.current.ok = false;
        return;
      }
    }
    if (relationship === "HEAD") this.headRow(row, cells);
    else this.memberRow(row, cells, relationship);
  }

  private headRow(row: number, cells: readonly CellValue[]): void {
    this.closeHousehold();
    this.households++;
    this.members++;
    let ok = true;

    const hamletText = cellText(this.cell(cells, "hamlet")).trim();
    let hamlet: HamletRef | null = null;
    if (!hamletText) {
      this.error(row, "hamlet", IMPORT_MSG.hamletMissing);
      ok = false;
    } else {
      let found = this.hamletCache.get(hamletText);
      if (!this.hamletCache.has(hamletText)) {
        found = this.findHamlet(hamletText);
        this.hamletCache.set(hamletText, found);
      }
      if (found === "ambiguous") {
        this.error(row, "hamlet", IMPORT_MSG.hamletAmbiguous(hamletText));
        ok = false;
      } else if (!found) {
        this.error(row, "hamlet", IMPORT_MSG.hamletUnknown(hamletText));
        ok = false;
      } else if (!this.ctx.mayWrite(found.id)) {
        this.error(row, "hamlet", IMPORT_MSG.hamletOutOfScope(this.ctx.ownHamletName ?? ""));
        ok = false;
      } else {
        hamlet = found;
      }
    }

    const povertyText = cellText(this.cell(cells, "poverty"));
    const povertyStatus = povertyOf(povertyText);
    if (!povertyStatus) {
      this.error(row, "poverty", IMPORT_MSG.povertyUnknown(povertyText.trim()));
      ok = false;
    }

    const parsed = HouseholdInput.safeParse({
      headName: cellText(this.cell(cells, "fullName")),
      headBirthYear: birthYearText(this.cell(cells, "birthYear")),
      address: cellText(this.cell(cells, "address")),
      phone: phoneText(this.cell(cells, "phone")),
      hamletId: hamlet?.id ?? NO_HAMLET,
      povertyStatus: povertyStatus ?? "NONE",
      status: "ACTIVE",
      members: [],
    });
    if (!parsed.success) {
      this.issues(row, parsed.error, HEAD_FIELDS);
      ok = false;
    }

    let count: HamletCount | null = null;
    if (hamlet) {
      count = this.perHamlet.get(hamlet.id) ?? { hamletId: hamlet.id, name: hamlet.name, households: 0, members: 0 };
      this.perHamlet.set(hamlet.id, count);
      count.households++;
      count.members++;
    }

    const input = parsed.success ? parsed.data : null;
    // The duplicate check needs only the name and address: it runs even when another field of the row is wrong.
    const headName = input?.headName ?? cleanText(cellText(this.cell(cells, "fullName")));
    const address = input?.address ?? cleanText(cellText(this.cell(cells, "address")));
    const keyFieldsOk = parsed.success || !parsed.error.issues.some((i) => i.path[0] === "headName" || i.path[0] === "address");
    const dedupeKey = keyFieldsOk ? dedupeKeyOf(headName, address) : "";
    if (keyFieldsOk && hamlet) {
      // One household per head and address in a hamlet, as the household form's unique key has it.
      const key = `${hamlet.id}|${dedupeKey}`;
      const earlier = this.seen.get(key);
      if (earlier !== undefined) {
        this.error(row, "fullName", IMPORT_MSG.duplicateInFile(earlier));
        ok = false;
      } else {
        this.seen.set(key, row);
        if (this.ctx.isRegistered(hamlet.id, dedupeKey)) {
          this.error(row, "fullName", HOUSEHOLD_MSG.duplicate(headName));
          ok = false;
        }
      }
    }

    this.current = {
      household: {
        row,
        hamletId: hamlet?.id ?? NO_HAMLET,
        headName: input?.headName ?? "",
        headBirthYear: input?.headBirthYear ?? null,
        address: input?.address ?? "",
        phone: input?.phone ?? null,
        povertyStatus: povertyStatus ?? "NONE",
        searchText: input ? searchTextOf(input.headName, input.address, input.phone) : "",
        dedupeKey,
        members: [],
      },
      ok: ok && !!input && !!hamlet,
      tooManyReported: false,
      count,
    };
  }

  private memberRow(row: number, cells: readonly CellValue[], relationship: Exclude<Relationship, "HEAD">): void {
    const current = this.current;
    if (!current) {
      this.error(row, "relationship", IMPORT_MSG.memberBeforeHead);
      return;
    }
    this.members++;
    if (current.count) current.count.members++;
    if (current.household.members.length >= MAX_MEMBERS) {
      if (!current.tooManyReported) this.error(row, "fullName", IMPORT_MSG.tooManyMembers(MAX_MEMBERS));
      current.tooManyReported = true;
      current.ok = false;
      return;
    }
    const parsed = MemberInput.safeParse({
      fullName: cellText(this.cell(cells, "fullName")),
      birthYear: birthYearText(this.cell(cells, "birthYear")),
      relationship,
    });
    if (!parsed.success) {
      this.issues(row, parsed.error, MEMBER_FIELDS);
      current.ok = false;
      // Keep counting the row towards the household's size.
      current.household.members.push({ fullName: "", birthYear: null, relationship });
      return;
    }
    const member: StagedMember = { fullName: parsed.data.fullName, birthYear: parsed.data.birthYear ?? null, relationship: parsed.data.relationship };
    current.household.members.push(member);
  }

  private closeHousehold(): void {
    const current = this.current;
    this.current = null;
    if (current?.ok) this.ctx.onHousehold?.(current.household);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The import's life

/** A RUNNING import whose row has not moved for this long died with its server process and may be confirmed again. */
export const STALE_RUNNING_MS = 10 * 60_000;

/** Whether a RUNNING import stopped without finishing: its progress has not been written for STALE_RUNNING_MS. */
export function isInterrupted(status: string, updatedAt: Date, now: Date): boolean {
  return status === "RUNNING" && now.getTime() - updatedAt.getTime() > STALE_RUNNING_MS;
}

/** Whether the user can confirm the import now: checked without errors, or interrupted half-way. */
export function canConfirm(status: string, updatedAt: Date, now: Date): boolean {
  return status === "READY" || isInterrupted(status, updatedAt, now);
}
