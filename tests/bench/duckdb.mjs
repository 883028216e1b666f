// duckdb.mjs: the DuckDB peer of `shenbao check` in make bench.
//   node duckdb.mjs FILE.csv     rows and distinct device IDs per class
//   node duckdb.mjs --version    DuckDB's version
// What a user would type to answer the questions the device list must
// answer: read_csv with its sniffer, group by class, count distinct IDs.
// The groups are printed so that no work can be skipped.
import { DuckDBInstance } from '@duckdb/node-api';

const arg = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const sql = arg === '--version'
  ? 'SELECT version()'
  : `SELECT "设备类别" AS class, count(*) AS n, count(DISTINCT "设备ID") AS ids
     FROM read_csv('${arg.replace(/'/g, "''")}')
     GROUP BY 1 ORDER BY 1`;
const reader = await con.runAndReadAll(sql);
for (const row of reader.getRows())
  console.log(row.map(String).join('\t'));
