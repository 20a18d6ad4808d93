import { z } from "@/lib/zod";
import { HamletKind } from "@/lib/generated/prisma/enums";
import { checkbox, choice, optionalText, requiredText } from "@/lib/validation";

export const HamletInput = z.object({
  name: requiredText("tên xóm", 100),
  kind: choice(Object.values(HamletKind) as [HamletKind, ...HamletKind[]], "Vui lòng chọn loại (xóm, thôn, bản hoặc tổ dân phố)."),
  headName: optionalText("họ và tên trưởng xóm", 100),
  frontTeamHeadName: optionalText("họ và tên trưởng ban công tác Mặt trận", 100),
  hasCulturalHouse: checkbox,
});
export type HamletInput = z.infer<typeof HamletInput>;
