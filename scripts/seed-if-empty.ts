// Seeds the demo commune when the database is empty, and prints the demo logins.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { cycleSummaryLines } from "../lib/demo-cycle";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../prisma/seed";

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
try {
  const result = await seedDemo(db);
  if (result.seeded) {
    console.log(`Đã tạo dữ liệu mẫu xã Kim Phượng: ${result.hamlets} xóm, ${result.households} hộ, ${result.members} nhân khẩu, ${result.agencies} cơ quan, đơn vị.`);
    for (const line of [...cycleSummaryLines(result.cycle), ...result.titles]) console.log(line);
  }
  const demoUsers = await db.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) }, isActive: true }, select: { username: true } });
  if (demoUsers.length > 0) {
    console.log(`Tài khoản dùng thử (mật khẩu ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS.filter((u) => demoUsers.some((d) => d.username === u.username))) {
      console.log(`  ${user.username.padEnd(10)} ${user.fullName} (${user.role})`);
    }
  }
} finally {
  await db.$disconnect();
}
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
