import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../src/web-page.js";

describe("the dashboard page's Content-Security-Policy", () => {
  it("allows scripts, styles and connections from the hub only, and its WebSocket by name", () => {
    const csp = contentSecurityPolicy("hub.example.gov.vn:4000");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' ws://hub.example.gov.vn:4000 wss://hub.example.gov.vn:4000;");
    expect(csp).not.toContain("unsafe");
    expect(contentSecurityPolicy("[::1]:4000")).toContain("ws://[::1]:4000");
  });

  it("names no socket origin from a Host header that is not a plain host", () => {
    for (const host of ["evil.example; script-src *", "a b", "", undefined]) {
      expect(contentSecurityPolicy(host)).toContain("connect-src 'self';");
    }
  });
});
