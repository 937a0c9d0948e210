import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { exportScenarioYaml } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handleApi, parseId } from "@/lib/http/api-handler";

const versionParam = z.coerce.number().int().positive();

/** Downloads the draft YAML, or a published version's with `?version=N`. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const raw = new URL(request.url).searchParams.get("version");
    const version = raw === null ? undefined : versionParam.safeParse(raw);
    if (version && !version.success) throw new AppError("not_found", "そのバージョンは見つかりません。");
    const file = await exportScenarioYaml(await getDb(), user, id, version?.data);
    return new Response(file.yaml, {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  });
}
