import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PrintButton } from "@/components/review/print-button";
import { formatDay } from "@/lib/dates";
import { communeName, hamletName, hamletWord, placeDateLine, placeName, upper } from "@/lib/documents/format";
import { canReadReviews, getNoticePrint } from "@/lib/review/queries";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Thông báo niêm yết" };

// The sheet pinned on the hamlet's notice board: outside the app shell, A4, black on white. It names only the
// households proposed; the others are a count, without names or reasons (sensitive personal data).
const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
@media print { body { background: #fff !important; } .sheet { box-shadow: none !important; margin: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; } }
`;

export default async function NoticePrintPage({ params }: { params: Promise<{ year: string; hamletId: string }> }) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const data = /^\d{4}$/.test(yearParam) ? await getNoticePrint(actor, Number(yearParam), hamletId) : null;
  if (!data || !data.commune) notFound();
  const { hamlet, commune, review, year } = data;
  const back = `/review/${year}/${hamlet.id}/notice`;
  const kindWord = hamletWord(hamlet.kind);

  if (!review?.noticePostedOn || !review.noticeEndsOn) {
    return (
      <main className="mx-auto max-w-lg p-8 text-center">
        <p className="text-lg font-semibold">Danh sách chưa được niêm yết.</p>
        <p className="mt-2 text-slate-700">Hãy ghi ngày niêm yết trước khi in thông báo.</p>
        <Link href={back} className="mt-4 inline-block font-medium text-brand-700 underline">‹ Về trang niêm yết</Link>
      </main>
    );
  }

  return (
    <div className="min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">
      <style>{PRINT_CSS}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[210mm] items-center justify-between gap-3 px-2">
        <Link href={back} className="font-medium text-brand-700 underline">‹ Về trang niêm yết</Link>
        <PrintButton />
      </div>
      <article className="sheet mx-auto w-[210mm] max-w-full bg-white px-[20mm] py-[18mm] text-[13pt] leading-normal text-black shadow-lg"
        style={{ fontFamily: "'Times New Roman', Times, serif" }}>
        <header className="grid grid-cols-[2fr_3fr] gap-4 text-center">
          <div>
            <p>ỦY BAN NHÂN DÂN</p>
            <p>{upper(communeName(commune))}</p>
            <p className="font-bold">{upper(hamletName(hamlet))}</p>
            <p aria-hidden>———</p>
          </div>
          <div>
            <p className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="font-bold">Độc lập - Tự do - Hạnh phúc</p>
            <p aria-hidden>———————</p>
            <p className="mt-2 italic">{placeDateLine(placeName(commune), review.noticePostedOn)}</p>
          </div>
        </header>

        <h1 className="mt-8 text-center text-[15pt] font-bold">THÔNG BÁO</h1>
        <p className="text-center font-bold">
          Niêm yết công khai danh sách hộ gia đình đề nghị xét tặng danh hiệu “Gia đình văn hóa” năm {year}
        </p>

        <p className="mt-5 text-justify indent-8">
          Căn cứ kết quả cuộc họp bình xét ngày {formatDay(review.meetingDate)}, {inSentence(hamletName(hamlet))} niêm yết công khai danh sách
          các hộ gia đình đề nghị Chủ tịch Ủy ban nhân dân {communeName(commune)} xét tặng danh hiệu “Gia đình văn hóa” năm {year} để lấy ý kiến
          của Nhân dân.
        </p>
        <p className="mt-2 indent-8">
          Thời gian niêm yết: từ ngày <strong>{formatDay(review.noticePostedOn)}</strong> đến hết ngày <strong>{formatDay(review.noticeEndsOn)}</strong>.
        </p>
        <p className="mt-2 indent-8">Địa điểm niêm yết: {review.noticeChannel}.</p>

        <table className="mt-4 w-full border-collapse text-[12pt]">
          <thead>
            <tr>
              <th scope="col" className="w-12 border border-black px-2 py-1">STT</th>
              <th scope="col" className="border border-black px-2 py-1">Họ và tên chủ hộ</th>
              <th scope="col" className="border border-black px-2 py-1">Địa chỉ</th>
            </tr>
          </thead>
          <tbody>
            {data.achieved.length === 0 ? (
              <tr><td colSpan={3} className="border border-black px-2 py-1 text-center italic">Không có hộ nào</td></tr>
            ) : data.achieved.map((h, i) => (
              <tr key={i} className="break-inside-avoid">
                <td className="border border-black px-2 py-1 text-center">{i + 1}</td>
                <td className="border border-black px-2 py-1">{h.headName}</td>
                <td className="border border-black px-2 py-1">{h.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3">Tổng số hộ đề nghị: <strong>{data.achieved.length}</strong> hộ.</p>
        <p>Số hộ không đủ điều kiện: <strong>{data.notEligible}</strong> hộ.</p>

        <p className="mt-4 text-justify indent-8">
          Trong thời gian niêm yết, mọi ý kiến phản ánh về danh sách trên xin gửi trực tiếp hoặc bằng văn bản đến Trưởng {kindWord} hoặc
          Trưởng ban Công tác Mặt trận {kindWord} để xem xét, giải quyết. Hết thời gian niêm yết, {kindWord} hoàn thiện
          hồ sơ gửi Ủy ban nhân dân {communeName(commune)}.
        </p>

        <div className="mt-8 grid grid-cols-2 break-inside-avoid">
          <div />
          <div className="text-center">
            <p className="font-bold">TRƯỞNG {upper(kindWord)}</p>
            <p className="italic">(Ký, ghi rõ họ tên)</p>
            <p className="mt-20 font-bold">{hamlet.headName ?? review.chairName}</p>
          </div>
        </div>
      </article>
    </div>
  );
}

/** Mid-sentence, the generic noun is lower case ("xóm Pác Cáp"), as Decree 30 writes administrative names. */
function inSentence(name: string): string {
  return name.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase("vi"));
}
