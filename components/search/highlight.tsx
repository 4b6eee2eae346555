import { highlightPieces } from "@/lib/search/highlight";

/** Text with the query's matched words marked; the text is rendered as text, never as HTML. */
export function Highlight({ text, q, className }: { text: string; q: string; className?: string }) {
  const pieces = highlightPieces(text, q);
  return (
    <span className={className}>
      {pieces.map((p, i) =>
        p.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 text-inherit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
