/**
 * Reads the hook's JSON from stdin. Agents write it and close the pipe; a terminal (someone running the
 * hook by hand) or a pipe that never closes must not hang the hook, so a TTY reads as empty and the
 * read gives up after `limitMs`.
 */
export function readStdin(limitMs = 5000, stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.pause();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const timer = setTimeout(done, limitMs);
    timer.unref();
    stream.on('data', onData);
    stream.once('end', done);
    stream.once('error', done);
  });
}
