import { z } from "@/lib/zod";
import type { PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";
import { IMPORT_MSG } from "./labels";

// The shapes of the household import: the commune's layout (one sheet, a header row, one row per person; a
// "Chủ hộ" row starts a household, the rows under it are its members), the errors a check reports, and the
// households a clean file yields. The field rules themselves are the household form's (HouseholdInput,
// MemberInput in lib/households/schema.ts), applied row by row in rules.ts.

/** The columns of the layout, in the template's order. `index` (STT) is read past. */
export const COLUMN_KEYS = ["index", "hamlet", "fullName", "relationship", "birthYear", "address", "phone", "poverty"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The template's header texts; a file may use any of the synonyms in rules.ts, in any order and case, with or without accents. */
export const COLUMN_LABEL: Record<ColumnKey, string> = {
  index: "STT",
  hamlet: "Xóm",
  fullName: "Họ và tên",
  relationship: "Quan hệ với chủ hộ",
  birthYear: "Năm sinh",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  poverty: "Hộ nghèo",
};

/** Columns a file must have. Without a relationship column every row is a household head. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["hamlet", "fullName", "address"];

/**
 * One person's row as a file holds it: what writeHouseholdWorkbook writes and the benchmark generates.
 * `relationship` is the text of the file ("Chủ hộ", "Vợ", "Con"…) or a Relationship value; "Chủ hộ"/HEAD starts a
 * household and carries its hamlet, address, phone and poverty status (member rows leave those blank).
 */
export type ImportRow = {
  hamlet?: string | null;
  fullName: string;
  relationship: Relationship | (string & {});
  birthYear?: number | string | null;
  address?: string | null;
  phone?: string | null;
  poverty?: PovertyStatus | (string & {}) | null;
};

/** A cell as the readers hand it over (exceljs values flattened; CSV gives text). */
export type CellValue = string | number | boolean | Date | null;

/** One problem of the file: its row number as a spreadsheet shows it (null for the file as a whole), the column's header. */
export type RowError = { row: number | null; column: string | null; message: string };

export type StagedMember = { fullName: string; birthYear: number | null; relationship: Exclude<Relationship, "HEAD"> };

/** A household that passed every check, with the columns createHousehold would store. */
export type StagedHousehold = {
  row: number;
  hamletId: string;
  headName: string;
  headBirthYear: number | null;
  address: string;
  phone: string | null;
  povertyStatus: PovertyStatus;
  searchText: string;
  dedupeKey: string;
  members: StagedMember[];
};

/** Households and persons (heads included) of one hamlet in the file. */
export type HamletCount = { hamletId: string; name: string; households: number; members: number };

/** The uploaded file's name: what the browser reports, kept short and ending in .xlsx or .csv. */
export const UploadNameInput = z
  .string({ error: IMPORT_MSG.noFile })
  .transform((v) => v.normalize("NFC").replace(/[\u0000-\u001f\u007f/\\]/g, "").trim())
  .pipe(z.string().min(1, { error: IMPORT_MSG.noFile, abort: true }).max(200, "Tên tệp dài quá 200 ký tự.").regex(/\.(xlsx|csv)$/i, IMPORT_MSG.badName));
export type UploadNameInput = z.infer<typeof UploadNameInput>;
