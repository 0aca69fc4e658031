import { apiRoute, idParams } from '@/lib/auth/api';
import { problemHistory } from '@/domain/problems';

export const GET = apiRoute({ params: idParams }, ({ params }) => problemHistory(params.id));
