import { checkDatabaseHealth } from "@/lib/db/health";

// For load balancers and the e2e web server: 200 when the database answers, 503 otherwise.
export async function GET() {
  const health = await checkDatabaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
