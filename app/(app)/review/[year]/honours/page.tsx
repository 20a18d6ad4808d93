import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { listHonourCandidates } from "@/lib/awards/queries";
import { formatNumber } from "@/lib/format";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Hộ gia đình văn hóa tiêu biểu" };

export default async function HonoursPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.read", { communeId: actor.communeId })) forbidden();
  const { year } = await params;
  if (!/^\d{4}$/.test(year)) notFound();
  const result = await listHonourCandidates(actor, Number(year));
  if (!result) notFound();
  const quota = result.honourQuotaPct;

  return (
    <>
      <PageHeader title={`Hộ gia đình văn hóa tiêu biểu năm ${result.year}`}
        subtitle={`Hộ đạt danh hiệu “Gia đình văn hóa” từ ${result.honourYears} năm liên tục trở lên (năm bị hủy bỏ không được tính), xếp theo số phiếu tán thành.`} />
      <div className="space-y-4">
        <Card>
          <DetailList items={[
            { label: "Số năm liên tục tối thiểu", value: `${result.honourYears} năm` },
            { label: "Tỷ lệ tối đa", value: quota === null ? "Không giới hạn" : `${quota} % số hộ được tặng danh hiệu năm ${result.year}` },
            { label: `Số hộ được tặng danh hiệu năm ${result.year} (còn hiệu lực)`, value: formatNumber(result.awardsThisYear) },
            { label: "Số hộ đủ số năm liên tục", value: formatNumber(result.eligibleCount) },
            ...(quota === null ? [] : [{ label: "Số hộ được đề xuất theo tỷ lệ", value: formatNumber(result.candidates.length) }]),
          ]} />
        </Card>
        {result.candidates.length === 0 ? (
          <EmptyState>
            {result.awardsThisYear === 0
              ? `Năm ${result.year} chưa có quyết định tặng danh hiệu nào được ban hành.`
              : `Chưa có hộ nào đạt danh hiệu ${result.honourYears} năm liên tục tính đến năm ${result.year}.`}
          </EmptyState>
        ) : (
          <DataTable head={["STT", "Xóm", "Chủ hộ", "Số năm liên tục", "Số phiếu tán thành"]}>
            {result.candidates.map((c, i) => (
              <tr key={c.householdId}>
                <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                <td className="px-3 py-2">{c.hamletName}</td>
                <td className="px-3 py-2">
                  <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/registry/households/${c.householdId}`}>{c.headName}</Link>
                  <span className="block text-xs text-slate-600">{c.address}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{c.streak}</td>
                <td className="px-3 py-2 text-right tabular-nums">{c.votesFor ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
