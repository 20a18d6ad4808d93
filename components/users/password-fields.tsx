import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/users/labels";

/** Password and its confirmation; never prefilled, so a refused save asks for both again. */
export function PasswordFields({ label = "Mật khẩu", errors }: { label?: string; errors?: Record<string, string[]> }) {
  return (
    <>
      <TextField name="password" label={label} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN}
        hint={`Ít nhất ${PASSWORD_MIN} ký tự.`} errors={errors?.password} />
      <TextField name="passwordConfirm" label={`Nhập lại ${label.toLowerCase()}`} type="password" autoComplete="new-password" required
        errors={errors?.passwordConfirm} />
    </>
  );
}
