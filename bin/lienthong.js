#!/usr/bin/env -S node --max-old-space-size=192 --max-semi-space-size=4
// The `lienthong` command: runs the TypeScript sources through tsx, so it works right after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
