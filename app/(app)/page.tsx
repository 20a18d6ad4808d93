import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { getActorCommune } from "@/lib/communes/queries";
import { formatNumber } from "@/lib/format";
import { listHamletSummaries, type HamletSummary } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function HomePage() {
  const actor = await requireActor();
  // A province viewer has no commune: their start page is the province roll-up.
  if (actor.role === "PROVINCE") redirect("/province");
  const [commune, hamlets] = await Promise.all([getActorCommune(actor), listHamletSummaries(actor)]);
  const seesHouseholds = can(actor, "household.read", { communeId: actor.communeId, hamletId: actor.hamletId });
  if (actor.role === "HAMLET_HEAD") {
    const hamlet = hamlets[0];
    if (!hamlet) return <EmptyState>Tài khoản của bạn chưa được gắn với xóm nào. Hãy liên hệ quản trị hệ thống của xã.</EmptyState>;
    const canAdd = can(actor, "household.write", { communeId: actor.communeId, hamletId: hamlet.id });
    return <MyHamlet hamlet={hamlet} communeName={commune?.name ?? ""} canAdd={canAdd} />;
  }
  const totalActive = hamlets.reduce((sum, h) => sum + h.activeHouseholds, 0);
  const totalPoor = hamlets.reduce((sum, h) => sum + h.poorHouseholds, 0);

  return (
    <>
      <PageHeader title={`Tổng quan xã ${commune?.name ?? ""}`}
        subtitle={`${commune?.district ? `Huyện ${commune.district} (cũ), ` : ""}tỉnh ${commune?.province ?? ""}`} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Số xóm" value={hamlets.length} />
        {seesHouseholds && <Stat label="Hộ đang cư trú" value={totalActive} />}
        {seesHouseholds && <Stat label="Hộ nghèo, cận nghèo" value={totalPoor} />}
        <Stat label="Xóm có nhà văn hóa" value={hamlets.filter((h) => h.hasCulturalHouse).length} />
      </div>
      {can(actor, "review.read") && (
        <div className="mb-6 flex flex-wrap gap-3">
          <ButtonLink href="/dashboard" className="min-h-12 text-base">Bảng điều hành: kết quả so với chỉ tiêu</ButtonLink>
          <ButtonLink href="/review" variant="secondary">Bình xét “Gia đình văn hóa” theo xóm</ButtonLink>
          {can(actor, "decision.read") && <ButtonLink href="/decisions" variant="secondary">Quyết định công nhận</ButtonLink>}
        </div>
      )}
      <h2 className="mb-2 text-lg font-semibold">Các xóm</h2>
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

/** "Xóm của tôi": the hamlet head's start page, one column for a phone. */
function MyHamlet({ hamlet, communeName, canAdd }: { hamlet: HamletSummary; communeName: string; canAdd: boolean }) {
  return (
    <>
      <PageHeader title={`Xóm ${hamlet.name}`} subtitle={`Xóm của tôi · xã ${communeName}`} />
      <div className="mb-5 grid grid-cols-2 gap-3">
        <Stat label="Hộ đang cư trú" value={hamlet.activeHouseholds} />
        <Stat label="Hộ nghèo, cận nghèo" value={hamlet.poorHouseholds} />
      </div>
      <div className="mb-5 grid gap-3">
        <ButtonLink href="/review" className="min-h-12 text-base">Bình xét “Gia đình văn hóa”</ButtonLink>
        <ButtonLink href="/registry/households" variant="secondary" className="min-h-12 text-base">Danh sách hộ của xóm</ButtonLink>
        <ButtonLink href="/dashboard" variant="secondary" className="min-h-12 text-base">Bảng điều hành của xóm</ButtonLink>
        {canAdd && <ButtonLink href="/registry/households/new" variant="secondary" className="min-h-12 text-base">+ Thêm hộ mới</ButtonLink>}
      </div>
      <Card>
        <DetailList items={[
          { label: "Trưởng xóm", value: hamlet.headName },
          { label: "Nhà văn hóa", value: hamlet.hasCulturalHouse ? "Có" : "Chưa có" },
        ]} />
      </Card>
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
