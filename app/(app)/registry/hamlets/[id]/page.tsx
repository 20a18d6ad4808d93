import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HamletAwards } from "@/components/decisions/hamlet-awards";
import { DataTable } from "@/components/ui/list-controls";
import { Card, DetailHeader, DetailList } from "@/components/ui/page-header";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { getHamlet } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Xóm" };

export default async function HamletPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const hamlet = await getHamlet(actor, id);
  if (!hamlet) notFound();
  const { saved } = await searchParams;
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const households = formatNumber(hamlet.activeHouseholds);
  return (
    <>
      <DetailHeader title={`${HAMLET_KIND_LABEL[hamlet.kind]} ${hamlet.name}`}
        editHref={can(actor, "hamlet.write", at) ? `/registry/hamlets/${hamlet.id}/edit` : undefined}
        listHref="/registry/hamlets" listLabel="Danh sách xóm" saved={Boolean(saved)} />
      <div className="space-y-4">
        <Card>
          <DetailList items={[
            { label: "Tên xóm", value: hamlet.name },
            { label: "Loại", value: HAMLET_KIND_LABEL[hamlet.kind] },
            { label: "Trưởng xóm", value: hamlet.headName },
            { label: "Trưởng ban công tác Mặt trận", value: hamlet.frontTeamHeadName },
            { label: "Nhà văn hóa", value: hamlet.hasCulturalHouse ? "Có" : "Chưa có" },
            {
              label: "Số hộ đang cư trú",
              value: can(actor, "household.read", at)
                ? <Link className="font-medium text-brand-700 underline underline-offset-2" href={`/registry/households?hamlet=${hamlet.id}`}>{households} hộ</Link>
                : `${households} hộ`,
            },
            { label: "Cập nhật lần cuối", value: formatDateTime(hamlet.updatedAt) },
          ]} />
        </Card>
        <section>
          <h2 className="mb-2 text-lg font-semibold">Quá trình trực thuộc xã</h2>
          {hamlet.communeLinks.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa ghi nhận quá trình trực thuộc.</p>
          ) : (
            <DataTable head={["Xã", "Từ ngày", "Đến ngày", "Căn cứ pháp lý"]}>
              {hamlet.communeLinks.map((l) => (
                <tr key={l.id}>
                  <td className="px-3 py-2">{l.communeName}</td>
                  <td className="px-3 py-2 tabular-nums">{formatDate(l.validFrom)}</td>
                  <td className="px-3 py-2 tabular-nums">{l.validTo ? formatDate(l.validTo) : "Nay"}</td>
                  <td className="px-3 py-2">{l.legalBasis ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
        <HamletAwards hamletId={hamlet.id} />
      </div>
    </>
  );
}
