import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ViolationForm } from "@/components/violations/violation-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { toIsoDate, todayInVietnam } from "@/lib/dates";
import { RELATIONSHIP_LABEL } from "@/lib/households/labels";
import { getHousehold } from "@/lib/households/queries";
import { optionsOf } from "@/lib/options";
import { can } from "@/lib/policy";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { requireActor } from "@/lib/session";
import { recordViolationAction } from "@/lib/violations/actions";
import { VIOLATION_MSG } from "@/lib/violations/labels";

export const metadata: Metadata = { title: "Ghi nhận vi phạm" };

export default async function NewViolationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "violation.write", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const { id } = await params;
  const household = await getHousehold(actor, id);
  if (!household) notFound();
  if (!can(actor, "violation.write", { communeId: actor.communeId, hamletId: household.hamletId })) forbidden();
  const members = household.members.map((m) => ({
    value: m.id,
    label: `${m.fullName} (${RELATIONSHIP_LABEL[m.relationship]}${m.birthYear ? `, ${m.birthYear}` : ""})`,
  }));
  const backHref = `/registry/households/${household.id}#vi-pham`;
  return (
    <>
      <PageHeader title="Ghi nhận vi phạm" subtitle={`Hộ ${household.headName} · Xóm ${household.hamlet.name}`} />
      <Card className="max-w-2xl">
        <p className="mb-4 text-sm text-slate-700">
          Ghi theo văn bản của cơ quan có thẩm quyền (quyết định xử phạt, quyết định khởi tố…). Hộ có thành viên vi phạm
          trong thời gian tính thành tích thuộc trường hợp không xét tặng danh hiệu (Nghị định 86/2023/NĐ-CP, khoản 4 Điều 6).
        </p>
        <ViolationForm action={recordViolationAction.bind(null, household.id)} members={members} categories={optionsOf(CATEGORY_LABEL)}
          initial={{ memberId: members.length === 1 ? members[0]!.value : "", category: "", occurredOn: "", documentRef: "", note: "" }}
          maxDate={toIsoDate(todayInVietnam())} documentRefHint={VIOLATION_MSG.documentRefHint} cancelHref={backHref} />
      </Card>
    </>
  );
}
