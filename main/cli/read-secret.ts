import { createInterface } from 'node:readline';

/**
 * Reads one line from `input` after writing `prompt` to `output`, without
 * echoing it when `input` is a terminal (raw mode; Backspace edits, Ctrl+C
 * and Ctrl+D end with an empty answer). From a pipe it reads the first line.
 * Hand-written: Node's readline has no hidden input, and a dependency for
 * these few lines would be more to review than the lines themselves.
 */
export function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  output.write(prompt);
  if (!input.isTTY) {
    const rl = createInterface({ input, terminal: false });
    return new Promise((resolve) => {
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!answered) resolve('');
      });
    });
  }
  return new Promise((resolve) => {
    let text = '';
    input.setRawMode(true);
    input.resume();
    const done = (answer: string) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(text);
        if (ch === '\u0003' || ch === '\u0004') return done('');
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else if (ch >= ' ') text += ch;
      }
    };
    input.on('data', onData);
  });
}
