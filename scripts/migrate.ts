import { openDatabase } from '@/db/client';

// openDatabase applies every pending migration from db/migrations
const { path, sqlite } = openDatabase();
sqlite.close();
console.error(`database ready at ${path}`);
