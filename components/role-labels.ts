import type { Role } from "@/lib/accounts/users";

export const roleLabels: Record<Role, string> = { trainee: "研修生", trainer: "トレーナー", admin: "管理者" };
