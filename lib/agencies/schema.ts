import { z } from "@/lib/zod";
import { AgencyKind } from "@/lib/generated/prisma/enums";
import { choice, optionalText, requiredInt, requiredText } from "@/lib/validation";

export const MAX_HEADCOUNT = 100_000;

export const AgencyInput = z.object({
  name: requiredText("tên cơ quan, đơn vị", 200),
  kind: choice(Object.values(AgencyKind) as [AgencyKind, ...AgencyKind[]], "Vui lòng chọn loại hình (cơ quan nhà nước, đơn vị sự nghiệp hoặc doanh nghiệp)."),
  headName: requiredText("họ và tên thủ trưởng, người đứng đầu", 100),
  tradeUnionName: optionalText("tên công đoàn cơ sở", 200),
  headcount: requiredInt("số lao động", 0, MAX_HEADCOUNT),
});
export type AgencyInput = z.infer<typeof AgencyInput>;
