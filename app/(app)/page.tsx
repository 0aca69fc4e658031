import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/next';

// Every role lands on its 工作台, where its own work is listed.
export default async function Home() {
  await requireUser();
  redirect('/desk');
}
