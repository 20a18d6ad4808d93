import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/list-controls";
import { Card, DetailHeader, DetailList } from "@/components/ui/page-header";
import { HouseholdAwards } from "@/components/decisions/household-awards";
import { ViolationSection } from "@/components/violations/violation-section";
import { formatDateTime } from "@/lib/format";
import { HOUSEHOLD_STATUS_LABEL, POVERTY_LABEL, RELATIONSHIP_LABEL } from "@/lib/households/labels";
import { getHousehold } from "@/lib/households/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { listViolations } from "@/lib/violations/queries";

export const metadata: Metadata = { title: "Hộ gia đình" };

export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const household = await getHousehold(actor, id);
  if (!household) notFound();
  const { saved } = await searchParams;
  const canEdit = can(actor, "household.write", { communeId: actor.communeId, hamletId: household.hamletId });
  // Violations are sensitive: roles without violation.read get no section at all, not even an empty one.
  const place = { communeId: actor.communeId, hamletId: household.hamletId };
  const violations = can(actor, "violation.read", place) ? await listViolations(actor, household.id) : null;
  return (
    <>
      <DetailHeader title={`Hộ ${household.headName}`} subtitle={`Xóm ${household.hamlet.name}`}
        editHref={canEdit ? `/registry/households/${household.id}/edit` : undefined}
        listHref="/registry/households" listLabel="Danh sách hộ" saved={Boolean(saved)} />
      <div className="space-y-4">
        <Card>
          <DetailList items={[
            { label: "Chủ hộ", value: household.headName },
            { label: "Xóm", value: household.hamlet.name },
            { label: "Địa chỉ", value: household.address },
            { label: "Số điện thoại", value: household.phone },
            { label: "Hộ nghèo / cận nghèo", value: POVERTY_LABEL[household.povertyStatus] },
            { label: "Tình trạng hộ", value: HOUSEHOLD_STATUS_LABEL[household.status] },
            { label: "Cập nhật lần cuối", value: formatDateTime(household.updatedAt) },
          ]} />
        </Card>
        <section>
          <h2 className="mb-2 text-lg font-semibold">Thành viên ({household.members.length})</h2>
          <DataTable head={["Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"]}>
            {household.members.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2">{m.fullName}</td>
                <td className="px-3 py-2 tabular-nums">{m.birthYear ?? ""}</td>
                <td className="px-3 py-2">{RELATIONSHIP_LABEL[m.relationship]}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        {violations && <ViolationSection householdId={household.id} rows={violations} canWrite={can(actor, "violation.write", place)} />}
        <HouseholdAwards householdId={household.id} />
      </div>
    </>
  );
}
