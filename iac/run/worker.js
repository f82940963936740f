// The Node.js handler worker: the same protocol as worker.py (see handlers.py).
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { pathToFileURL } = require("url");

const out = Number(process.env.IAC_RESULT_FD);
const write = (obj) => fs.writeSync(out, JSON.stringify(obj) + "\n");
// after each invocation, once its log lines are out (handlers.MARK)
const mark = (id) => fs.writeSync(1, "\x00iac-invocation-end " + id + "\n");
const spec = process.env.IAC_HANDLER;
const dot = spec.lastIndexOf(".");
const moduleName = spec.slice(0, dot);
const fnName = spec.slice(dot + 1);

async function load() {
  const base = path.join(process.env.IAC_CODE_DIR, moduleName);
  for (const ext of [".js", ".cjs", ".mjs"]) {
    if (fs.existsSync(base + ext)) {
      const mod = await import(pathToFileURL(base + ext).href);
      return mod[fnName] || (mod.default && mod.default[fnName]);
    }
  }
  throw new Error(`Cannot find module '${moduleName}'`);
}

function context(req) {
  return {
    awsRequestId: req.id,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    getRemainingTimeInMillis: () => Math.max(0, Math.floor(req.deadline * 1000 - Date.now())),
  };
}

load().then(
  (handler) => {
    if (typeof handler !== "function") throw new Error(`${spec} is not a function`);
    write({ ready: true });
    const rl = readline.createInterface({ input: process.stdin });
    let chain = Promise.resolve();
    rl.on("line", (line) => {
      chain = chain.then(async () => {
        const req = JSON.parse(line);
        try {
          const result = await handler(req.event, context(req));
          mark(req.id);
          write({ ok: true, result: result === undefined ? null : result });
        } catch (err) {
          console.error(err);
          mark(req.id);
          write({ ok: false, error: { errorType: (err && err.name) || "Error", errorMessage: String((err && err.message) || err) } });
        }
      });
    });
  },
  (err) => {
    console.error(err);
    write({ ready: false, error: { errorType: "Runtime.ImportModuleError", errorMessage: String(err.message || err) } });
  }
);
