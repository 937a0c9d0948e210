import { type BrowserContext, test as base, expect } from "@playwright/test";

export { expect };

// Every spec imports `test` from here: the whole suite runs under the production Content-Security-Policy
// and a test fails on any violation the browser reports, in any context it opens (two-user tests open
// their own with browser.newContext, so that is watched too while the test runs).

interface CspGuard {
  cspViolations: string[];
}

export const test = base.extend<CspGuard>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        await watchCsp(opened, violations);
        return opened;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding("__kikiteReportCspViolation", ({ page }, report: string) => {
    violations.push(`${page.url()}: ${report}`);
  });
  // Added before any page script runs, so nothing the page does escapes it.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __kikiteReportCspViolation?: (r: string) => void })
        .__kikiteReportCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  // The browser also logs what it refused; this catches what the event might not (e.g. in a worker).
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(`console: ${message.text()}`);
    }
  });
}
