import { StatusPage, statusPageMetadata } from '@/components/ui/status-page';

// Rendered by forbidden() with HTTP 403: the resource exists but is outside the user's role or scope
// (docs/domain.md, Who sees what). It names nothing about the resource.
export const generateMetadata = () => statusPageMetadata('forbidden');

export default function Forbidden() {
  return <StatusPage status={403} namespace="forbidden" />;
}
