import { PageSkeleton } from "@/components/shell/page-skeleton";

// This page never answers 404, so it may stream behind a skeleton (see page-skeleton.tsx).
export default function Loading() {
  return <PageSkeleton />;
}
