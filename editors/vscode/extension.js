// The iac extension: starts `iac lsp` and shows live previews of the generated files.
// Plain JavaScript, so it needs no build step.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const SCHEME = "iac-preview";
const TARGETS = { cfn: "CloudFormation", terraform: "Terraform", cdk: "CDK" };
const MAIN_FILE = { cfn: /template\.yaml$/, terraform: /main\.tf$/, cdk: /_stack\.py$/ };

let client;
// preview uri string -> { target, path, source (uri string), text }
const previews = new Map();
const changed = new vscode.EventEmitter();

function previewUri(source, target, path) {
  return vscode.Uri.from({
    scheme: SCHEME,
    path: `/${target}/${path}`,
    query: encodeURIComponent(source),
  });
}

function store(result) {
  const uris = [];
  for (const file of result.files) {
    if (file.binary) continue;
    const uri = previewUri(result.uri, result.target, file.path);
    previews.set(uri.toString(), {
      target: result.target,
      path: file.path,
      source: result.uri,
      text: file.text,
      stale: result.stale,
    });
    changed.fire(uri);
    uris.push({ uri, path: file.path });
  }
  return uris;
}

function toRange(r) {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

async function openPreview(target) {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "iac") {
    vscode.window.showInformationMessage("Open an .iac file to preview its output.");
    return;
  }
  const source = editor.document.uri.toString();
  const result = await client.sendRequest("iac/preview", { uri: source, target });
  const files = store(result);
  const main = files.find((f) => MAIN_FILE[target].test(f.path)) || files[0];
  if (!main) {
    vscode.window.showWarningMessage(`iac: no ${TARGETS[target]} preview yet: the program has errors.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(main.uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  await revealGenerated(editor);
}

// The statement under the cursor: reveal the lines it produced in every open preview.
const highlight = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor("editor.rangeHighlightBackground"),
  isWholeLine: true,
});

async function revealGenerated(editor) {
  if (!client || !editor || editor.document.languageId !== "iac") return;
  const source = editor.document.uri.toString();
  const open = vscode.window.visibleTextEditors.filter(
    (e) => e.document.uri.scheme === SCHEME && previews.get(e.document.uri.toString())?.source === source,
  );
  const targets = new Set(open.map((e) => previews.get(e.document.uri.toString()).target));
  for (const target of targets) {
    const position = editor.selection.active;
    const hits = await client.sendRequest("iac/sourceToGenerated", {
      uri: source,
      target,
      position: { line: position.line, character: position.character },
    });
    for (const e of open) {
      const info = previews.get(e.document.uri.toString());
      if (info.target !== target) continue;
      const ranges = hits.filter((h) => h.path === info.path).map((h) => toRange(h.range));
      e.setDecorations(highlight, ranges);
      if (ranges.length) e.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}

async function goToSource() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== SCHEME) return;
  const info = previews.get(editor.document.uri.toString());
  if (!info) return;
  const p = editor.selection.active;
  const loc = await client.sendRequest("iac/generatedToSource", {
    uri: info.source,
    target: info.target,
    path: info.path,
    position: { line: p.line, character: p.character },
  });
  if (!loc) {
    vscode.window.showInformationMessage("iac: this line comes from no statement.");
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri));
  const shown = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  const range = toRange(loc.range);
  shown.selection = new vscode.Selection(range.start, range.start);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenter);
}

function activate(context) {
  const config = vscode.workspace.getConfiguration("iac");
  const command = config.get("path", "iac");
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "iac" }, { scheme: "untitled", language: "iac" }],
    initializationOptions: {
      debounceMs: config.get("debounceMs", 50),
      hoverTarget: config.get("hoverTarget", "cfn"),
    },
  };
  client = new LanguageClient("iac", "iac", serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent(uri) {
        const info = previews.get(uri.toString());
        return info ? info.text : "";
      },
    }),
    vscode.commands.registerCommand("iac.previewCloudFormation", () => openPreview("cfn")),
    vscode.commands.registerCommand("iac.previewTerraform", () => openPreview("terraform")),
    vscode.commands.registerCommand("iac.previewCdk", () => openPreview("cdk")),
    vscode.commands.registerCommand("iac.goToSource", goToSource),
    vscode.window.onDidChangeTextEditorSelection((e) => revealGenerated(e.textEditor)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme !== SCHEME) return;
      const info = previews.get(doc.uri.toString());
      if (info) client.sendNotification("iac/previewClose", { uri: info.source, target: info.target });
    }),
  );

  client.start().then(() => {
    context.subscriptions.push(
      client.onNotification("iac/previewDidChange", (result) => {
        store(result);
        revealGenerated(vscode.window.activeTextEditor);
      }),
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
