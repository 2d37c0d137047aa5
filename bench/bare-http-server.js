// The baseline for the HTTP bench: the least a Node process can do to answer JSON.
const { createServer } = require('node:http');
const body = JSON.stringify({ code: 'DINKES', name: 'Dinas Kesehatan', status: 'ACTIVE', revision: 3 });
createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
