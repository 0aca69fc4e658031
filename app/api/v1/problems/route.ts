import { apiRoute } from '@/lib/auth/api';
import { listProblemPage } from '@/domain/problems';
import { problemListQuerySchema } from '@/lib/schemas/problems';

export const GET = apiRoute({ query: problemListQuerySchema }, ({ query }) => listProblemPage(query));
