import { apiRoute } from '@/lib/auth/api';
import { fundingList } from '@/domain/funding';
import { fundingListQuerySchema } from '@/lib/schemas/funding';

/** The city-wide 上争 list (paged) with the totals of everything the filters select. */
export const GET = apiRoute({ query: fundingListQuerySchema }, ({ query }) => fundingList(query));
