import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/open-database";
import { testDatabaseTargets, uniqueSuffix } from "@/lib/testing/test-databases";
import { beginSignInAttempt, finishSignInAttempt, isSignInAllowed } from "./sign-in-throttle";

const MINUTE = 60_000;
const limits = { maxFailuresPerAccount: 10, maxFailuresPerAddress: 50, windowMs: 15 * MINUTE };

describe.each(testDatabaseTargets())("sign-in throttle on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  // Each test gets its own emails and addresses: rows of other tests (and runs) never count.
  const fresh = () => {
    const tag = uniqueSuffix();
    return { email: `victim-${tag}@example.com`, address: `10.${tag}`, other: `192.${tag}` };
  };
  const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);
  // One password check; "refused" when the throttle did not let the password be checked at all.
  const attempt = async (email: string, address: string, now: Date, ok = false) => {
    const ticket = await beginSignInAttempt(handle.db, { email, address, now }, limits);
    if (!ticket) return "refused";
    await finishSignInAttempt(handle.db, ticket, { ok, email, now }, limits);
    return ok ? "signed in" : "wrong password";
  };
  const fail = async (email: string, address: string, now: Date) =>
    expect(await attempt(email, address, now)).toBe("wrong password");
  const gate = (email: string, address: string, now: Date) =>
    isSignInAllowed(handle.db, { email, address, now }, limits);

  it("locks an account after 10 failures from any addresses, until the window after them passes", async () => {
    const { email } = fresh();
    const start = new Date();
    for (let i = 0; i < 9; i++) await fail(email, `172.16.0.${i}`, at(start, i));
    expect(await gate(email, "172.16.1.1", at(start, 9))).toBe(true);
    await fail(email, "172.16.0.9", at(start, 9));
    // Locked: the right password is refused unchecked, from any address, in any letter case.
    expect(await gate(email, "172.16.1.1", at(start, 9))).toBe(false);
    expect(await attempt(email, "172.16.1.1", at(start, 9), true)).toBe("refused");
    expect(await attempt(email.toUpperCase(), "203.0.113.7", at(start, 14), true)).toBe("refused");
    // Refusals are not counted: 15 minutes after the first failure one slot is free again, and the
    // right password works (and forgives the account's earlier mistakes).
    expect(await attempt(email, "172.16.1.1", at(start, 15.01), true)).toBe("signed in");
    for (let i = 0; i < 9; i++) await fail(email, "172.16.2.1", at(start, 16));
    expect(await gate(email, "172.16.1.1", at(start, 16))).toBe(true);
  });

  it("treats an email no account has exactly like one that exists (nothing here knows accounts)", async () => {
    const unknown = `nobody-${uniqueSuffix()}@example.com`;
    const start = new Date();
    for (let i = 0; i < 10; i++) await fail(unknown, `198.51.100.${i}`, start);
    expect(await attempt(unknown, "198.51.100.200", start)).toBe("refused");
  });

  it("locks an address after 50 failures across many accounts, and only that address", async () => {
    const { address, other } = fresh();
    const start = new Date();
    for (let i = 0; i < 49; i++) await fail(`spray-${i}-${uniqueSuffix()}@example.com`, address, start);
    const next = `spray-next-${uniqueSuffix()}@example.com`;
    expect(await gate(next, address, start)).toBe(true);
    await fail(`spray-49-${uniqueSuffix()}@example.com`, address, start);
    expect(await attempt(next, address, start, true)).toBe("refused");
    expect(await attempt(next, other, start, true)).toBe("signed in");
    // A success forgives the account, not the address.
    expect(await gate(`spray-0-x@example.com`, address, start)).toBe(false);
    expect(await gate(next, address, at(start, 15.01))).toBe(true);
  });

  it("keeps parallel guesses within the limit: of 30 at once, at most 10 are checked", async () => {
    const { email, address } = fresh();
    const start = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(email, `${address}-${i}`, start)),
    );
    const checkedInBurst = outcomes.filter((o) => o === "wrong password").length;
    expect(checkedInBurst).toBeLessThanOrEqual(10);
    // Then one at a time until refused: in the whole window exactly 10 passwords were ever checked (a
    // burst whose rows all saw each other may have been refused whole, which checks nothing).
    let checkedAfter = 0;
    while ((await attempt(email, `${address}-seq`, start)) === "wrong password") checkedAfter++;
    expect(checkedInBurst + checkedAfter).toBe(10);
    expect(await attempt(email, "any", start, true)).toBe("refused");
  });

  it("never refuses correct sign-ins for being many at once: 80 accounts from one address", async () => {
    const { address } = fresh();
    const start = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        attempt(`office-${i}-${uniqueSuffix()}@example.com`, address, start, true),
      ),
    );
    expect(outcomes.filter((o) => o !== "signed in")).toEqual([]);
    // Nothing of them is left counted: the address still has all 50 failures to give.
    for (let i = 0; i < 49; i++) await fail(`typo-${i}-${uniqueSuffix()}@example.com`, address, start);
    expect(await gate(`late-${uniqueSuffix()}@example.com`, address, start)).toBe(true);
  });

  it("never refuses correct sign-ins for being many at once: one account in 25 browsers", async () => {
    const { email, address } = fresh();
    const start = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt(email, `${address}-${i % 3}`, start, true)),
    );
    expect(outcomes.filter((o) => o !== "signed in")).toEqual([]);
  });

  it("lets correct sign-ins through beside a burst of wrong guesses while the limit is not reached", async () => {
    const { address } = fresh();
    const start = new Date();
    const guesses = Array.from({ length: 40 }, (_, i) =>
      attempt(`guess-${i}-${uniqueSuffix()}@example.com`, address, start),
    );
    const rightOnes = Array.from({ length: 60 }, (_, i) =>
      attempt(`right-${i}-${uniqueSuffix()}@example.com`, address, start, true),
    );
    const [wrong, right] = await Promise.all([Promise.all(guesses), Promise.all(rightOnes)]);
    expect(wrong.filter((o) => o !== "wrong password")).toEqual([]);
    expect(right.filter((o) => o !== "signed in")).toEqual([]);
  });

  it("keeps a parallel burst across one address within its limit: of 120 guesses, 50 are checked", async () => {
    const { address } = fresh();
    const start = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        attempt(`burst-${i}-${uniqueSuffix()}@example.com`, address, start),
      ),
    );
    expect(outcomes.filter((o) => o === "wrong password")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(70);
  });
});
