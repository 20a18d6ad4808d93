// EDITABLE WORDING. Every sentence below is our reconstruction, not text the law prescribes: Decree 86/2023 Mẫu 03
// and Mẫu 10 were not available in full (FORMS.md §1.4, §1.5), Mẫu 01/02 and the certificate are not known forms.
// The layout rules (Decree 30/2020) live in decree30.ts; the documents take their sentences from here only, so this
// object can later move to the database and be edited per commune.

import type { HamletKind } from "@/lib/generated/prisma/enums";

export const GDVH = "\u201cGia đình văn hóa\u201d";

/** A title in curly quotes: “Xóm văn hóa”. */
const q = (title: string) => `\u201c${title}\u201d`;
const LAW_2022 = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022";
const DECREE_86 =
  "Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định về khung tiêu chuẩn và trình tự, thủ tục, " +
  "hồ sơ xét tặng danh hiệu \u201cGia đình văn hóa\u201d, \u201cThôn, tổ dân phố văn hóa\u201d, \u201cXã, phường, thị trấn tiêu biểu\u201d";

export const WORDING = {
  /** Decree 86/2023, cited by the hamlet's documents. [READ-2: title of the decree] */
  decree86: DECREE_86,
  /** How a person is named when the gender is not on record. */
  honorific: "Ông/Bà",
  hamletHeadTitle: {
    XOM: "Trưởng xóm",
    THON: "Trưởng thôn",
    BAN: "Trưởng bản",
    TO_DAN_PHO: "Tổ trưởng tổ dân phố",
  } satisfies Record<HamletKind, string>,
  frontTeamHeadTitle: (hamletWord: string) => `Trưởng ban Công tác Mặt trận ${hamletWord}`,

  minutes: {
    type: "BIÊN BẢN HỌP",
    summary: (year: number) => `Bình xét danh hiệu ${GDVH} năm ${year}`,
    opening: (date: string, place: string, hamlet: string, year: number) =>
      `Hôm nay, ${date}, tại ${place}, ${hamlet} tổ chức họp bình xét danh hiệu ${GDVH} năm ${year}.`,
    partI: "I. THÀNH PHẦN THAM DỰ",
    partII: "II. NỘI DUNG",
    partIII: "III. KẾT LUẬN",
    attendance: (invited: string, present: string, households: string, hamletWord: string) =>
      `Số người được mời: ${invited} người; có mặt: ${present} người; tổng số hộ của ${hamletWord}: ${households} hộ.`,
    criteria: (criteria: string, criteriaBasis: string, rules: string, rulesBasis: string) =>
      `1. Chủ trì phổ biến tiêu chuẩn, điều kiện xét tặng danh hiệu ${GDVH} theo ${criteria} (${criteriaBasis}); ` +
      `cách thức bình xét theo ${rules} (${rulesBasis}).`,
    counts: (total: string, achieved: string, notAchieved: string, excluded: string) =>
      `2. Đánh giá mức độ đạt tiêu chuẩn của từng hộ gia đình: tổng số hộ được bình xét: ${total} hộ; số hộ đạt: ${achieved} hộ; ` +
      `số hộ không đạt: ${notAchieved} hộ; số hộ thuộc trường hợp không xét tặng (khoản 4 Điều 6 Nghị định số 86/2023/NĐ-CP): ${excluded} hộ.`,
    vote: (method: string, threshold: string) =>
      `3. Biểu quyết: hình thức ${method.toLocaleLowerCase("vi")}; hộ được đề nghị khi có số tán thành ${threshold}.`,
    voteResult: (achieved: string) =>
      `Kết quả: ${achieved} hộ đạt tỷ lệ tán thành và đủ tiêu chuẩn; số tán thành, không tán thành đối với từng hộ ghi tại danh sách kèm theo.`,
    conclusion: (commune: string, year: number, achieved: string, channel: string, days: number) =>
      `Thống nhất đề nghị Chủ tịch Ủy ban nhân dân ${commune} xét tặng danh hiệu ${GDVH} năm ${year} cho ${achieved} hộ gia đình ` +
      `(có danh sách kèm theo); niêm yết công khai danh sách ${channel} để lấy ý kiến Nhân dân trong thời hạn ${days} ngày.`,
    notQuorate: (hamletWord: string) => `Cuộc họp không đủ điều kiện tiến hành nên không ghi nhận kết quả bình xét; ${hamletWord} tổ chức họp lại.`,
    closing: "Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại và thông qua trước cuộc họp./.",
    defaultChannel: (hamletWord: string) => `trên bảng tin công cộng của ${hamletWord}`,
    annexTitle: ["DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC BÌNH XÉT"],
    annexAttached: (year: number, hamlet: string, date: string) =>
      `(Kèm theo Biên bản họp bình xét danh hiệu ${GDVH} năm ${year} của ${hamlet} ${date})`,
    secretary: "THƯ KÝ",
    chair: "CHỦ TRÌ",
    signHint: "(Ký, ghi rõ họ tên)",
  },

  proposal: {
    type: "VĂN BẢN ĐỀ NGHỊ",
    summary: (year: number) => `Xét tặng danh hiệu ${GDVH} năm ${year}`,
    to: (commune: string) => `Kính gửi: Chủ tịch Ủy ban nhân dân ${commune}.`,
    basisMeeting: (meeting: string, notice: string) => `Căn cứ kết quả họp bình xét ${meeting} và ${notice},`,
    noticeDone: (from: string, to: string) => `kết quả niêm yết công khai, lấy ý kiến Nhân dân từ ngày ${from} đến hết ngày ${to}`,
    noticeNone: "kết quả niêm yết công khai, lấy ý kiến Nhân dân",
    request: (hamlet: string, commune: string, year: number, n: string) =>
      `${hamlet} đề nghị Chủ tịch Ủy ban nhân dân ${commune} xem xét, quyết định tặng danh hiệu ${GDVH} năm ${year} ` +
      `cho ${n} hộ gia đình (có Bảng tổng hợp kèm theo).`,
    dossier:
      `Hồ sơ gồm: Văn bản đề nghị; Bảng tổng hợp danh sách hộ gia đình đạt tiêu chuẩn và kết quả lấy ý kiến người dân; ` +
      `Biên bản họp bình xét danh hiệu ${GDVH}.`,
    closing: "Kính đề nghị Chủ tịch Ủy ban nhân dân xã xem xét, quyết định./.",
    recipients: ["Như trên"],
    storage: (hamletWord: string) => `hồ sơ ${hamletWord}`,
    summaryType: "BẢNG TỔNG HỢP",
    summaryTitle: (year: number) => [`Danh sách hộ gia đình đạt tiêu chuẩn và kết quả lấy ý kiến người dân`, `danh hiệu ${GDVH} năm ${year}`],
    listHeading: "I. DANH SÁCH HỘ GIA ĐÌNH ĐẠT TIÊU CHUẨN",
    total: (n: string) => `Tổng số: ${n} hộ gia đình.`,
    noticeHeading: "II. KẾT QUẢ LẤY Ý KIẾN NGƯỜI DÂN",
    channel: (channel: string) => `- Hình thức niêm yết: ${channel}.`,
    period: (from: string, to: string, days: number) => `- Thời gian niêm yết: từ ngày ${from} đến hết ngày ${to} (${days} ngày).`,
    notPosted: "- Danh sách chưa được niêm yết công khai.",
    objections: (n: string) => `- Số ý kiến phản ánh nhận được: ${n}.`,
    objectionsResolved: "- Việc giải quyết các ý kiến phản ánh:",
    noObjections: "- Không có ý kiến phản ánh.",
  },

  decision: {
    type: "QUYẾT ĐỊNH",
    draftMark: "DỰ THẢO",
    awardSummary: (year: number) => `Về việc tặng danh hiệu ${GDVH} năm ${year}`,
    cancelSummary: `Về việc hủy bỏ quyết định tặng danh hiệu ${GDVH}`,
    authority: (commune: string) => `CHỦ TỊCH ỦY BAN NHÂN DÂN ${commune.toLocaleUpperCase("vi")}`,
    decides: "QUYẾT ĐỊNH:",
    award1: (year: number, n: string) => `Tặng danh hiệu ${GDVH} năm ${year} cho ${n} hộ gia đình (có danh sách kèm theo).`,
    award2: "Quyết định này có hiệu lực kể từ ngày ký.",
    article3: (hamlets: string) =>
      `Văn phòng HĐND và UBND xã, công chức Văn hóa - Xã hội, Trưởng các ${hamlets} và các hộ gia đình có tên tại Điều 1 ` +
      `chịu trách nhiệm thi hành Quyết định này./.`,
    cancel1: (n: string) => `Hủy bỏ quyết định tặng danh hiệu ${GDVH} đối với ${n} hộ gia đình (có danh sách kèm theo).`,
    cancelGround: (ground: string) => `Lý do hủy bỏ: thuộc trường hợp ${ground} (Luật Thi đua, khen thưởng năm 2022).`,
    cancel2:
      "Các hộ gia đình có tên tại Điều 1 có trách nhiệm nộp lại Giấy chứng nhận và tiền thưởng (nếu có) đã nhận. " +
      "Quyết định này có hiệu lực kể từ ngày ký.",
    recipients: ["Như Điều 3", "Ủy ban MTTQ Việt Nam xã"],
    storage: "VT, VHXH",
    annexAward: (year: number) => ["DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC TẶNG DANH HIỆU", `${GDVH.toLocaleUpperCase("vi")} NĂM ${year}`],
    annexCancel: ["DANH SÁCH HỘ GIA ĐÌNH BỊ HỦY BỎ QUYẾT ĐỊNH TẶNG DANH HIỆU", GDVH.toLocaleUpperCase("vi")],
    annexAttached: (ref: string, date: string, commune: string) => `(Kèm theo Quyết định số ${ref} ${date} của Chủ tịch UBND ${commune})`,
  },

  certificate: {
    title: "GIẤY CHỨNG NHẬN",
    family: "Gia đình ông/bà",
    achieved: (year: number) => `Đạt danh hiệu ${GDVH} năm ${year}`,
    basedOn: (ref: string, date: string) => `(Theo Quyết định số ${ref} ngày ${date})`,
  },

  /** Báo cáo thành tích (Mẫu 05), by the head of the hamlet; the three parts follow FORMS.md §1.6. */
  hamletReport: {
    type: "BÁO CÁO THÀNH TÍCH",
    summary: (title: string, year: number) => [`Đề nghị xét tặng danh hiệu ${q(title)} năm ${year}`],
    partI: "PHẦN I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG",
    figures: (year: number) => `Một số chỉ tiêu chủ yếu năm ${year}:`,
    total: (n: string) => `- Tổng số hộ gia đình: ${n} hộ.`,
    recognised: (year: number, n: string, pct: string) => `- Số hộ được công nhận danh hiệu ${GDVH} năm ${year}: ${n} hộ, đạt ${pct} tổng số hộ.`,
    poor: (poor: string, nearPoor: string, pct: string) => `- Số hộ nghèo: ${poor} hộ; số hộ cận nghèo: ${nearPoor} hộ; chiếm ${pct} tổng số hộ.`,
    culturalHouse: { yes: "- Nhà văn hóa: có.", no: "- Nhà văn hóa: chưa có.", unknown: "- Nhà văn hóa: chưa có thông tin." },
    school: (inSchool: string, total: string, pct: string) => `- Trẻ em trong độ tuổi đi học được đến trường: ${inSchool}/${total} em (${pct}).`,
    unknownFigure: "…",
    partII: (groups: number) => `PHẦN II. THÀNH TÍCH ĐẠT ĐƯỢC THEO ${groups} TIÊU CHUẨN`,
    group: (code: string, title: string) => `${code}. ${title}`,
    measured: (value: string | null, threshold: string) => `${value ?? "chưa có số liệu"} (yêu cầu ${threshold})`,
    item: (code: string, text: string, measured: string | null, result: string) => `${code}. ${text}: ${measured ? `${measured} - ` : ""}${result}.`,
    note: (note: string) => `Ghi chú: ${note}.`,
    met: "Đạt",
    unmet: "Chưa đạt",
    unassessed: "Chưa đánh giá",
    tally: (met: number, total: number) => `Tự đánh giá: đạt ${met}/${total} tiêu chí.`,
    partIII: "PHẦN III. CAM KẾT PHẤN ĐẤU",
    defaultCommitments: (hamlet: string) =>
      `${hamlet} cam kết tiếp tục duy trì, phát huy các tiêu chuẩn đã đạt; vận động Nhân dân thực hiện tốt phong trào ` +
      `\u201cToàn dân đoàn kết xây dựng đời sống văn hóa\u201d.`,
    confirm: (commune: string) => `XÁC NHẬN CỦA ỦY BAN NHÂN DÂN ${commune.toLocaleUpperCase("vi")}`,
    confirmHint: "(Ký tên, đóng dấu)",
    signHint: "(Ký, ghi rõ họ tên)",
  },

  /** Biên bản họp Hội đồng Thi đua - Khen thưởng xã (Mẫu 06), reconstructed from real 2024 minutes (FORMS.md §1.6). */
  councilMinutes: {
    type: "BIÊN BẢN HỌP",
    summary: (council: string, title: string, year: number) => [council, `bình xét danh hiệu ${q(title)} năm ${year}`],
    opening: (date: string, place: string, commune: string, council: string, title: string, year: number) =>
      `Hôm nay, ${date}, tại ${place}, Ủy ban nhân dân ${commune} tổ chức họp ${council} bình xét danh hiệu ${q(title)} năm ${year}.`,
    partI: "I. THÀNH PHẦN THAM DỰ",
    chair: (name: string) => `- Chủ trì: Ông/Bà ${name}, Chủ tịch Hội đồng;`,
    secretary: (name: string) => `- Thư ký: Ông/Bà ${name};`,
    members: (present: string, total: string) => `- Thành viên Hội đồng có mặt: ${present}/${total} người.`,
    partII: "II. NỘI DUNG",
    criteria: (title: string, hamletWord: string) =>
      `1. Chủ tịch Hội đồng phổ biến tiêu chuẩn, điều kiện xét tặng danh hiệu ${q(title)} theo Nghị định số 86/2023/NĐ-CP ` +
      `và tóm tắt thành tích của các ${hamletWord} đề nghị xét tặng (Báo cáo thành tích theo Mẫu số 05).`,
    vote: (n: string, hamletWord: string, threshold: string) =>
      `2. Hội đồng xem xét báo cáo thành tích của ${n} ${hamletWord}, thảo luận và biểu quyết; ${hamletWord} được đề nghị công nhận ` +
      `khi đạt đủ các tiêu chuẩn và có số thành viên tán thành ${threshold}. Kết quả như sau:`,
    threshold: (sign: string, pct: number, base: "PRESENT" | "INVITED") =>
      `${sign} ${pct} % ${base === "PRESENT" ? "số thành viên dự họp" : "tổng số thành viên Hội đồng"}`,
    reasons: "Lý do không đạt:",
    reason: (hamlet: string, reason: string) => `- ${hamlet}: ${reason}`,
    noticePosted: (channel: string, from: string, to: string, comments: string) =>
      `3. Kết quả bình xét được công khai trên ${channel} từ ngày ${from} đến hết ngày ${to} để lấy ý kiến Nhân dân; ` +
      `số ý kiến nhận được: ${comments}.`,
    noticePlanned: (channel: string, days: number) =>
      `3. Kết quả bình xét sẽ được công khai trên ${channel} trong thời hạn ${days} ngày để lấy ý kiến Nhân dân.`,
    defaultChannel: (commune: string) => `trang thông tin điện tử của ${commune} và bảng tin công cộng`,
    partIII: "III. KẾT LUẬN",
    conclusion: (authority: string, title: string, year: number, n: string, hamletWord: string, names: string) =>
      `Hội đồng thống nhất đề nghị ${authority} công nhận danh hiệu ${q(title)} năm ${year} cho ${n} ${hamletWord}: ${names}.`,
    none: (hamletWord: string) => `Không có ${hamletWord} nào đủ điều kiện để đề nghị công nhận.`,
    closing: "Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại và thông qua trước cuộc họp./.",
    secretarySign: "THƯ KÝ",
    chairSign: "CHỦ TỊCH HỘI ĐỒNG",
    signHint: "(Ký, ghi rõ họ tên)",
    columns: (hamletWord: string, base: "PRESENT" | "INVITED") => ({
      name: `Tên ${hamletWord}`,
      recognised: `Tỷ lệ hộ ${GDVH}`,
      votes: base === "PRESENT" ? "Số phiếu tán thành/dự họp" : "Số phiếu tán thành/tổng số thành viên",
      pct: "Tỷ lệ tán thành",
      result: "Kết quả",
    }),
  },

  /** Tờ trình (Mẫu 04) of the commune's People's Committee to whoever decides on the proposal date. */
  hamletProposal: {
    type: "TỜ TRÌNH",
    summary: (title: string, year: number) => `Về việc đề nghị công nhận danh hiệu ${q(title)} năm ${year}`,
    defaultSymbol: "TTr-UBND",
    to: (authority: string) => `Kính gửi: ${authority}.`,
    basisLaw: `Căn cứ ${LAW_2022};`,
    basisDecree: `Căn cứ ${DECREE_86};`,
    basisMinutes: (council: string, date: string, title: string, year: number) =>
      `Căn cứ Biên bản họp ${council} ${date} bình xét danh hiệu ${q(title)} năm ${year};`,
    basisNotice: (channel: string, from: string, to: string, days: number, comments: string) =>
      `Căn cứ kết quả công khai, lấy ý kiến Nhân dân trên ${channel} từ ngày ${from} đến hết ngày ${to} (${days} ngày): ${comments},`,
    basisNoNotice: "Căn cứ kết quả công khai, lấy ý kiến Nhân dân,",
    noComments: "không có ý kiến phản ánh",
    comments: (n: string) => `nhận được ${n} ý kiến, đã được xem xét, giải quyết xong`,
    request: (commune: string, authority: string, title: string, year: number, n: string, hamletWord: string) =>
      `Ủy ban nhân dân ${commune} kính trình ${authority} xem xét, công nhận danh hiệu ${q(title)} năm ${year} cho ${n} ${hamletWord}, cụ thể như sau:`,
    total: (n: string, hamletWord: string) => `Tổng số: ${n} ${hamletWord}.`,
    dossier: (hamletWord: string, council: string) =>
      `Hồ sơ kèm theo: Báo cáo thành tích của các ${hamletWord} (Mẫu số 05); Biên bản họp ${council} (Mẫu số 06).`,
    closing: (commune: string, authority: string) => `Ủy ban nhân dân ${commune} kính trình ${authority} xem xét, quyết định./.`,
    signerAuthority: "TM. ỦY BAN NHÂN DÂN",
    signerTitle: "CHỦ TỊCH",
    recipients: ["Như trên"],
    storage: "VT, VHXH",
    columns: (hamletWord: string) => ({ name: `Tên ${hamletWord}`, recognised: `Tỷ lệ hộ ${GDVH}`, votes: "Tỷ lệ tán thành của Hội đồng", note: "Ghi chú" }),
  },

  /** Quyết định công nhận "Xóm văn hóa" (Mẫu 11 inferred, FORMS.md §1.3), on the Mẫu 10 skeleton. */
  hamletDecision: {
    type: "QUYẾT ĐỊNH",
    draftMark: "DỰ THẢO",
    summary: (title: string, year: number) => `Về việc công nhận danh hiệu ${q(title)} năm ${year}`,
    decides: "QUYẾT ĐỊNH:",
    article1: (title: string, year: number, n: string, hamletWord: string, commune: string) =>
      `Công nhận danh hiệu ${q(title)} năm ${year} cho ${n} ${hamletWord} thuộc ${commune}, gồm:`,
    article2: (hamletWord: string) =>
      `Các ${hamletWord} có tên tại Điều 1 được khen thưởng theo quy định của pháp luật về thi đua, khen thưởng; kinh phí ` +
      `khen thưởng được chi từ Quỹ thi đua, khen thưởng theo quy định hiện hành. Quyết định này có hiệu lực kể từ ngày ký.`,
    article3Own: (hamletWord: string) =>
      `Văn phòng HĐND và UBND xã, công chức Văn hóa - Xã hội, Trưởng các ${hamletWord} có tên tại Điều 1 và các cơ quan, ` +
      `đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    article3External: (issuer: string, commune: string, hamletWord: string) =>
      `Chánh Văn phòng ${issuer}, Chủ tịch Ủy ban nhân dân ${commune}, Trưởng các ${hamletWord} có tên tại Điều 1 và các ` +
      `cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    streak: (years: number) => `${years} năm liên tục`,
    columns: (hamletWord: string) => ({ name: `Tên ${hamletWord}`, note: "Ghi chú" }),
    recipientsOwn: ["Như Điều 3", "Ủy ban MTTQ Việt Nam xã"],
    recipientsExternal: ["Như Điều 3"],
    storageOwn: "VT, VHXH",
    storageExternal: "VT",
  },

  table: {
    no: "STT",
    head: "Họ và tên chủ hộ",
    address: "Địa chỉ",
    note: "Ghi chú",
    result: "Kết quả",
    votesFor: "Tán thành",
    votesAgainst: "Không tán thành",
    household: "Hộ gia đình",
    received: "Ngày nhận",
    outcome: "Kết quả giải quyết",
    resolved: "Ngày giải quyết",
    awardedBy: "Quyết định tặng danh hiệu",
  },
} as const;
