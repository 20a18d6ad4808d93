import { z } from "@/lib/zod";
import { requiredDate } from "@/lib/validation";

// The registration form: one date for the whole form, and the button that was pressed ("intent").
// The date is checked against the stored campaign year in the service (rules.registrationDateError).

export const RegistrationDateInput = z.object({
  registeredOn: requiredDate("ngày đăng ký"),
});
export type RegistrationDateInput = z.infer<typeof RegistrationDateInput>;

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** "all", "register:<householdId>" or "unregister:<householdId>", as the pressed submit button posts it. */
export const RegistrationIntent = z
  .string({ error: "Thao tác không hợp lệ, vui lòng tải lại trang." })
  .regex(new RegExp(`^(all|(register|unregister):${UUID})$`), "Thao tác không hợp lệ, vui lòng tải lại trang.")
  .transform((v) => {
    const [kind, householdId] = v.split(":") as ["all" | "register" | "unregister", string | undefined];
    return kind === "all" ? ({ kind } as const) : ({ kind, householdId: householdId! } as const);
  });
export type RegistrationIntent = z.infer<typeof RegistrationIntent>;
