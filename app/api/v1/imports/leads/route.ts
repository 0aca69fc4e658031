import { importRoute } from '../handler';

export const POST = importRoute('leads');
