// Column-level lineage of a view from its rewrite rule (pg_rewrite.ev_action, a pg_node_tree). pg_depend says
// which columns of which relations a view reads, but not which output column each one feeds; the rule's query
// tree does: each target entry's expression names its source columns as Var nodes (varno = position in the
// range table, varattno = column number). Not marked server-only: the seed reads the demo warehouse through it.

type Value = string | null | NodeV | Value[];
type NodeV = { _: string; [field: string]: Value };

/** Parses PostgreSQL's node-tree text (outfuncs.c) into plain objects; unknown shapes stay strings. */
export function parseNodeTree(text: string): Value {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const atom = (): string => {
    let out = "";
    while (i < text.length && !/\s/.test(text[i]) && !"{}()".includes(text[i])) {
      if (text[i] === "\\" && i + 1 < text.length) i++;
      out += text[i++];
    }
    return out;
  };
  const value = (): Value => {
    ws();
    const ch = text[i];
    if (ch === "{") return node();
    if (ch === "(") return list();
    if (ch === "[") {
      const end = text.indexOf("]", i);
      const s = text.slice(i, end + 1);
      i = end + 1;
      return s;
    }
    const a = atom();
    return a === "<>" ? null : a;
  };
  const list = (): Value[] => {
    i++; // (
    const out: Value[] = [];
    for (;;) {
      ws();
      if (i >= text.length) return out;
      if (text[i] === ")") {
        i++;
        return out;
      }
      out.push(value());
    }
  };
  const node = (): NodeV => {
    i++; // {
    ws();
    const n: NodeV = { _: atom() };
    for (;;) {
      ws();
      if (i >= text.length) return n;
      if (text[i] === "}") {
        i++;
        return n;
      }
      if (text[i] === ":") {
        i++;
        const key = atom();
        ws();
        // A field with no value (e.g. ":utilityStmt" followed by the next ":" field) is null.
        n[key] = text[i] === ":" || text[i] === "}" ? null : value();
      } else {
        value(); // stray token: skip
      }
    }
  };
  return value();
}

const isNode = (v: Value): v is NodeV => !!v && typeof v === "object" && !Array.isArray(v);

type Source = { relid: number; attno: number };

/** For each output column (1-based) of the view, the (relation oid, column number) pairs it is computed from. */
export function viewColumnSources(evAction: string): Map<number, Source[]> {
  const out = new Map<number, Source[]>();
  const tree = parseNodeTree(evAction);
  const query = Array.isArray(tree) ? tree.find(isNode) : isNode(tree) ? tree : undefined;
  if (!query || query._ !== "QUERY") return out;
  const targets = Array.isArray(query.targetList) ? query.targetList.filter(isNode) : [];
  for (const te of targets) {
    if (te.resjunk === "true") continue;
    const resno = Number(te.resno);
    const seen = new Map<string, Source>();
    for (const s of outputSources(query, resno, 0)) seen.set(`${s.relid}.${s.attno}`, s);
    out.set(resno, [...seen.values()]);
  }
  return out;
}

const MAX_DEPTH = 30;

/** The base columns output column `resno` of a query is computed from. */
function outputSources(query: NodeV, resno: number, depth: number): Source[] {
  if (depth > MAX_DEPTH) return [];
  const rtable = Array.isArray(query.rtable) ? query.rtable.filter(isNode) : [];
  // UNION / INTERSECT / EXCEPT: every branch (a subquery range entry) feeds each output column.
  if (isNode(query.setOperations)) {
    return rtable.filter((r) => isNode(r.subquery)).flatMap((r) => outputSources(r.subquery as NodeV, resno, depth + 1));
  }
  const targets = Array.isArray(query.targetList) ? query.targetList.filter(isNode) : [];
  const te = targets.find((t) => Number(t.resno) === resno);
  return te ? varsIn(query, rtable, te.expr ?? null, depth) : [];
}

function varsIn(query: NodeV, rtable: NodeV[], v: Value, depth: number): Source[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(v)) return v.flatMap((x) => varsIn(query, rtable, x, depth));
  if (!isNode(v)) return [];
  if (v._ === "VAR") return v.varlevelsup === "0" ? resolveVar(query, rtable, Number(v.varno), Number(v.varattno), depth) : [];
  return Object.entries(v).flatMap(([k, x]) => (k === "_" ? [] : varsIn(query, rtable, x, depth)));
}

// A Var names a column of a range-table entry: a relation (done), a join or a GROUP BY entry (whose columns are
// expressions over other entries), or a subquery (its own output column).
function resolveVar(query: NodeV, rtable: NodeV[], varno: number, attno: number, depth: number): Source[] {
  const rte = rtable[varno - 1];
  if (!rte || attno <= 0) return [];
  if (typeof rte.relid === "string" && rte.relid !== "0" && !isNode(rte.subquery)) return [{ relid: Number(rte.relid), attno }];
  for (const field of ["joinaliasvars", "groupexprs"]) {
    const list = rte[field];
    if (Array.isArray(list)) return varsIn(query, rtable, list[attno - 1] ?? null, depth + 1);
  }
  if (isNode(rte.subquery)) return outputSources(rte.subquery, attno, depth + 1);
  return [];
}
