import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { atPublicOrigin } from "@/lib/auth/public-request";
import { getProxyTrust } from "@/lib/env";

// Auth.js sees the origin the client addressed, not the instance's own (see atPublicOrigin).
export function GET(request: NextRequest) {
  return handlers.GET(atPublicOrigin(request, getProxyTrust()));
}

export function POST(request: NextRequest) {
  return handlers.POST(atPublicOrigin(request, getProxyTrust()));
}
