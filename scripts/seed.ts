import { prepareDatabase } from '../db/bootstrap';
import { closeDb } from '../db';

prepareDatabase()
  .then(() => closeDb())
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
