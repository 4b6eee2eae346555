// #19: every component runs its server actions through one client, components/ui/use-action.ts, which keeps the
// pending state, puts field errors next to their fields, clears them when the field changes and toasts. A component
// that awaits an action itself and reads `.ok` / `.error` of the result by hand is a site that does none of that.
// This test reads every file under components/ (the TypeScript parser, no type checking) and names each such site.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const HOOK = "components/ui/use-action.ts";
// Awaited calls that are not server actions: fetch's Response, next-auth's sign-in answer, a body being read.
const NOT_ACTIONS = new Set(["fetch", "signIn", "json", "text", "arrayBuffer", "blob"]);
const RESULT_FIELDS = new Set(["ok", "error", "fieldErrors"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The name a call is known by: `fetch(…)` → fetch, `res.json()` → json, `fetch(…).catch(…)` → fetch. */
function calleeName(call: ts.CallExpression): string | null {
  let c: ts.Expression = call.expression;
  for (;;) {
    if (ts.isParenthesizedExpression(c) || ts.isNonNullExpression(c)) c = c.expression;
    else if (ts.isPropertyAccessExpression(c) && ["catch", "then", "finally"].includes(c.name.text) && ts.isCallExpression(c.expression)) c = c.expression.expression;
    else break;
  }
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return null; // `(join ? joinTeam : leaveTeam)(…)`: an action chosen on the spot
}
const mayBeAction = (call: ts.CallExpression) => !NOT_ACTIONS.has(calleeName(call) ?? "");

/** Awaited calls inside an expression, not looking into nested functions. */
function awaitedCalls(node: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) {
      let e: ts.Expression = n.expression;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      if (ts.isCallExpression(e)) out.push(e);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** The nearest declaration of an identifier (a variable of an enclosing block, a parameter of an enclosing function). */
function declarationOf(id: ts.Identifier): ts.Node | null {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const p = scope.parameters.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
      if (p) return p;
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      for (const st of scope.statements) {
        if (!ts.isVariableStatement(st)) continue;
        const d = st.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === id.text);
        if (d) return d;
      }
    }
  }
  return null;
}

/** `line:col what` for each place the file reads an action's result by hand. */
export function handWrittenSites(source: string, fileName = "x.tsx"): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  // The declarations (a variable, a callback's parameter) that hold an action's result.
  const results = new Set<ts.Node>();
  const found: string[] = [];
  const at = (n: ts.Node, what: string) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    found.push(`${line + 1}:${character + 1} ${what}`);
  };
  const collect = (n: ts.Node) => {
    // const res = await someAction(…)   /   const { ok, error } = await someAction(…)
    if (ts.isVariableDeclaration(n) && n.initializer && awaitedCalls(n.initializer).some(mayBeAction)) {
      if (ts.isIdentifier(n.name)) results.add(n);
      else if (ts.isObjectBindingPattern(n.name)) {
        for (const el of n.name.elements) {
          const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "";
          if (RESULT_FIELDS.has(prop)) at(el, `destructures .${prop} of an awaited action`);
        }
      }
    }
    // someAction(…).then((res) => …)
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "then" && ts.isCallExpression(n.expression.expression) && mayBeAction(n.expression.expression)) {
      const cb = n.arguments[0];
      if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) {
        const p = cb.parameters[0];
        if (p && ts.isIdentifier(p.name)) results.add(p);
      }
    }
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const inspect = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && RESULT_FIELDS.has(n.name.text) && ts.isIdentifier(n.expression) && results.has(declarationOf(n.expression) as ts.Node)) {
      at(n, `reads ${n.expression.text}.${n.name.text}`);
    }
    ts.forEachChild(n, inspect);
  };
  inspect(sf);
  return found;
}

describe("server actions in components go through useAction", () => {
  it("recognises a hand-written site (the rule itself)", () => {
    expect(handWrittenSites(`async function f() { const res = await joinTeam({ teamId }); if (!res.ok) return setError(res.error); }`)).toHaveLength(2);
    expect(handWrittenSites(`useEffect(() => { void previewRoleChange(x).then((r) => (r.ok ? a(r.data) : b(r.error))); }, []);`)).toHaveLength(2);
    expect(handWrittenSites(`async function f() { const { ok } = await (join ? joinTeam : leaveTeam)({ teamId }); }`)).toHaveLength(1);
    expect(handWrittenSites(`async function f() { const res = x ? await a({}) : null; if (!res) return; if (!res.ok) g(); }`)).toHaveLength(1);
    // Not an action's result: fetch's Response, next-auth's signIn, a value computed without await.
    expect(handWrittenSites(`async function f() { const res = await fetch("/api").catch(() => null); if (!res?.ok) return; }`)).toEqual([]);
    expect(handWrittenSites(`async function f() { const res = await signIn("credentials", {}); if (!res || res.error) g(); }`)).toEqual([]);
    expect(handWrittenSites(`const gate = exposureGate(review, ok); if (gate.ok) g();`)).toEqual([]);
    // The same name in another function is another variable.
    expect(handWrittenSites(`async function a() { const res = await act({}); g(res); } async function b() { const res = await fetch("/"); if (res.ok) g(); }`)).toEqual([]);
  });

  it("no component reads .ok / .error of an action's result outside use-action.ts", () => {
    const offenders = files(path.join(ROOT, "components"))
      .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
      .filter((rel) => rel !== HOOK)
      .flatMap((rel) => handWrittenSites(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).map((s) => `${rel}:${s}`));
    expect(offenders).toEqual([]);
  });
});
