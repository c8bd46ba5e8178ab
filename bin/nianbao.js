#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build`.
require('../dist/node/cli/main.js').runFromProcess();
