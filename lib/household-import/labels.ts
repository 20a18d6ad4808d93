import type { HouseholdImportStatus } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/format";
import { RELATIONSHIP_LABEL } from "@/lib/households/labels";

// Vietnamese texts of the import. Client components import this file too (the upload form), so it stays free of
// zod and the database.

/** The largest file accepted: about 1.5 million rows of the commune's layout. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** How many row errors an import keeps to show; the count covers all of them. */
export const MAX_STORED_ERRORS = 200;
/**
 * What an .xlsx may unpack to. A province's whole register (250,000 households, ~1,250,000 rows) unpacks to about
 * 350 MB; a "zip bomb" of a few kilobytes would unpack to gigabytes and hold the server.
 */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
/** Compression ratio above which a large part of a workbook is refused (real sheets compress 5–20×). */
export const MAX_ZIP_RATIO = 200;
/** Parts smaller than this unpack to little whatever their ratio (an empty sheet compresses thousands of times). */
export const ZIP_RATIO_FROM_BYTES = 10 * 1024 * 1024;

export const IMPORT_STATUS_LABEL: Record<HouseholdImportStatus, string> = {
  INVALID: "Có lỗi, chưa nhập",
  READY: "Chờ xác nhận",
  RUNNING: "Đang nhập",
  DONE: "Đã nhập",
  FAILED: "Nhập không thành công",
  EXPIRED: "Đã hết hạn",
};

const quote = (value: string) => `\u201c${value}\u201d`;
const relationshipList = Object.values(RELATIONSHIP_LABEL).join(", ");

export const IMPORT_MSG = {
  // The file as a whole.
  noFile: "Vui lòng chọn tệp .xlsx hoặc .csv để tải lên.",
  badName: "Tên tệp phải kết thúc bằng .xlsx hoặc .csv.",
  tooLarge: `Tệp lớn hơn ${formatNumber(MAX_FILE_BYTES / 1024 / 1024)} MB. Hãy chia thành nhiều tệp nhỏ hơn (ví dụ mỗi xóm một tệp).`,
  empty: "Tệp rỗng.",
  incomplete: "Tệp tải lên chưa trọn vẹn (mất kết nối?). Vui lòng tải lên lại.",
  xls: "Tệp Excel 97-2003 (.xls) chưa được hỗ trợ. Mở tệp bằng Excel, chọn Lưu thành → Sổ làm việc Excel (.xlsx) rồi tải lên lại.",
  notXlsx: "Tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel. Mở tệp bằng Excel và lưu lại dạng .xlsx.",
  zipBomb: "Tệp Excel này giải nén ra quá lớn hoặc có cấu trúc bất thường nên không được đọc. Mở tệp bằng Excel, lưu lại rồi tải lên lại (hoặc chia thành nhiều tệp nhỏ hơn).",
  brokenXlsx: "Không đọc được tệp Excel (tệp bị hỏng hoặc chưa lưu xong). Mở tệp bằng Excel, lưu lại rồi tải lên lại.",
  notCsv: "Tệp có đuôi .csv nhưng nội dung không phải văn bản CSV.",
  notUtf8: (row: number) =>
    `Tệp CSV phải lưu bằng bảng mã UTF-8 (lỗi ở khoảng dòng ${formatNumber(row)}). Trong Excel chọn Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy).`,
  badCsv: (row: number) => `Tệp CSV sai định dạng ở dòng ${formatNumber(row)} (dấu ngoặc kép không đóng).`,
  wrongContent: (ext: string) => `Nội dung tệp không khớp với đuôi .${ext}. Hãy lưu lại đúng định dạng .xlsx hoặc .csv.`,
  noSheet: "Tệp Excel không có trang tính nào.",
  noHeader: "Không tìm thấy dòng tiêu đề (cần có các cột Xóm, Họ và tên, Địa chỉ). Hãy dùng file mẫu.",
  missingColumn: (label: string) => `Thiếu cột ${quote(label)}. Hãy dùng file mẫu.`,
  repeatedColumn: (label: string) => `Cột ${quote(label)} xuất hiện hai lần; xóa bớt một cột.`,
  noRows: "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.",
  // One row.
  hamletMissing: "Vui lòng ghi tên xóm.",
  hamletUnknown: (name: string) => `Không có xóm ${quote(name)} trong xã.`,
  hamletAmbiguous: (name: string) => `Tên xóm ${quote(name)} khớp với nhiều xóm; hãy ghi đúng dấu.`,
  hamletOutOfScope: (own: string) => `Bạn chỉ được nhập hộ của xóm ${own}.`,
  relationshipMissing: "Vui lòng ghi quan hệ với chủ hộ (dòng đầu của mỗi hộ ghi \u201cChủ hộ\u201d).",
  relationshipUnknown: (value: string) => `Không rõ quan hệ ${quote(value)}. Dùng một trong: ${relationshipList}.`,
  memberBeforeHead: "Dòng thành viên nằm trước mọi dòng \u201cChủ hộ\u201d: thêm dòng chủ hộ của hộ này lên trên.",
  povertyUnknown: (value: string) => `Không rõ ${quote(value)}. Cột Hộ nghèo chỉ nhận \u201cNghèo\u201d, \u201cCận nghèo\u201d hoặc để trống.`,
  duplicateInFile: (row: number) => `Trùng với hộ ở dòng ${formatNumber(row)} (cùng xóm, cùng chủ hộ và địa chỉ).`,
  tooManyMembers: (max: number) => `Một hộ có tối đa ${max} thành viên.`,
  // Confirming and writing.
  notReady: "Tệp này còn lỗi nên không nhập được. Sửa tệp rồi tải lên lại.",
  alreadyHandled: "Tệp này đã được xử lý, không nhập lại lần nữa. Muốn nhập thêm, hãy tải lên một tệp mới.",
  expired: "Tệp này đã hết hạn (tải lên quá 7 ngày mà chưa nhập). Hãy tải lên lại.",
  duplicateSinceUpload: (row: number, headName: string) =>
    `Dòng ${formatNumber(row)}: xóm đã có hộ của chủ hộ ${quote(headName)} tại địa chỉ này (vừa được thêm sau khi tải tệp lên). Không có hộ nào được nhập; sửa tệp rồi tải lên lại.`,
  hamletGone: "Một xóm trong tệp vừa bị xóa hoặc chuyển sang xã khác. Không có hộ nào được nhập; hãy tải tệp lên lại.",
  stagedMissing: "Không còn tệp đã tải lên trên máy chủ. Hãy tải tệp lên lại.",
  failed: "Nhập không thành công do lỗi ngoài dự kiến; không có hộ nào được ghi. Vui lòng thử lại sau ít phút.",
  interrupted: "Việc nhập bị gián đoạn (máy chủ khởi động lại); không có hộ nào được ghi. Bấm xác nhận để nhập lại.",
} as const;

/** "Nhập 1.234 hộ, 4.321 nhân khẩu vào sổ hộ gia đình": the confirm button names what it does. */
export const confirmLabel = (households: number, members: number) =>
  `Nhập ${formatNumber(households)} hộ, ${formatNumber(members)} nhân khẩu vào sổ hộ gia đình`;
