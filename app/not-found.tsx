import { StatusPage, statusPageMetadata } from '@/components/ui/status-page';

export const generateMetadata = () => statusPageMetadata('notFound');

export default function NotFound() {
  return <StatusPage status={404} namespace="notFound" />;
}
