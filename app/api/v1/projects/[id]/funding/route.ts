import { apiRoute, idParams, json } from '@/lib/auth/api';
import { createFunding, projectFunding } from '@/domain/funding';
import { fundingCreateSchema } from '@/lib/schemas/funding';

/** The project's 上争 applications, oldest first; every signed-in role reads them. */
export const GET = apiRoute({ params: idParams }, ({ params }) => projectFunding(params.id));

/** Files a 上争 application: admins and the project's own officers. */
export const POST = apiRoute({ params: idParams, body: fundingCreateSchema }, ({ actor, params, body }) =>
  json(createFunding(actor, params.id, body), 201),
);
