import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { getActorCommune } from "@/lib/communes/queries";
import { formatNumber } from "@/lib/format";
import { listHamletSummaries } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function HomePage() {
  const actor = await requireActor();
  const [commune, hamlets] = await Promise.all([getActorCommune(actor), listHamletSummaries(actor)]);
  const totalActive = hamlets.reduce((sum, h) => sum + h.activeHouseholds, 0);
  const totalPoor = hamlets.reduce((sum, h) => sum + h.poorHouseholds, 0);
  const isHamletHead = actor.role === "HAMLET_HEAD";
  const seesHouseholds = can(actor, "household.read", { communeId: actor.communeId, hamletId: actor.hamletId });

  return (
    <>
      <PageHeader title={isHamletHead ? `Xóm ${hamlets[0]?.name ?? ""}` : `Tổng quan xã ${commune?.name ?? ""}`}
        subtitle={isHamletHead ? "Xóm của tôi" : `${commune?.district ? `Huyện ${commune.district} (cũ), ` : ""}tỉnh ${commune?.province ?? ""}`} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {!isHamletHead && <Stat label="Số xóm" value={hamlets.length} />}
        {seesHouseholds && <Stat label="Hộ đang cư trú" value={totalActive} />}
        {seesHouseholds && <Stat label="Hộ nghèo, cận nghèo" value={totalPoor} />}
        <Stat label="Xóm có nhà văn hóa" value={hamlets.filter((h) => h.hasCulturalHouse).length} />
      </div>
      <h2 className="mb-2 text-lg font-semibold">{isHamletHead ? "Thông tin xóm" : "Các xóm"}</h2>
      <DataTable head={["Xóm", "Trưởng xóm", ...(seesHouseholds ? ["Hộ đang cư trú", "Hộ nghèo, cận nghèo"] : []), "Nhà văn hóa"]}>
        {hamlets.map((h) => (
          <tr key={h.id}>
            <td className="px-3 py-2 font-medium">
              {seesHouseholds ? <Link className="text-brand-700 hover:underline" href={`/registry/households?hamlet=${h.id}`}>{h.name}</Link> : h.name}
            </td>
            <td className="px-3 py-2">{h.headName}</td>
            {seesHouseholds && <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.activeHouseholds)}</td>}
            {seesHouseholds && <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.poorHouseholds)}</td>}
            <td className="px-3 py-2">{h.hasCulturalHouse ? "Có" : "Chưa có"}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums text-slate-900">{formatNumber(value)}</p>
    </Card>
  );
}
