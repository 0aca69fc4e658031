import { apiRoute, idParams } from '@/lib/auth/api';
import { reportCorrectionsOf } from '@/domain/reports';

export const GET = apiRoute({ params: idParams }, ({ params }) => reportCorrectionsOf(params.id));
