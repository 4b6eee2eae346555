/**
 * What every server action returns. On a refusal, `error` is one sentence for the form as a whole and
 * `fieldErrors` (when the input itself was wrong) holds a sentence per field, keyed by the input's field name,
 * so the form can show each next to its field. Shared by the server (authorizedAction) and the client (useAction).
 */
export type FieldErrors = Record<string, string>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };
