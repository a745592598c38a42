#!/usr/bin/env node
// The `lienthong` command: runs the TypeScript sources through tsx, so it works right after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
