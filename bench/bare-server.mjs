// The baseline of the read benchmark: a bare node:http server answering, for each path, the
// very same JSON bytes the tracker answered (captured before the run), pre-serialized.
// Usage: node bench/bare-server.mjs <bodies.json>   ({ "/api/…": "<body>" }); prints its port.
import fs from 'node:fs'
import http from 'node:http'

const bodies = new Map(Object.entries(JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))).map(([k, v]) => [k, Buffer.from(v)]))
const fallback = bodies.values().next().value ?? Buffer.from('{}')

const server = http.createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]
  const body = bodies.get(path) ?? fallback
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
  res.end(body)
})
server.keepAliveTimeout = 5000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
