#!/usr/bin/env node
// A committed shim so npm can link the bin before the TypeScript build has run.
import '../dist/cli.js';
