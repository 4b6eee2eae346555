// The members export writes CSV the same way as every other export.
export { csvField as csvCell, csvRow } from "@/lib/csv";
