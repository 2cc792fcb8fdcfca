import { writeFile } from 'node:fs/promises';

/** Writes to --out or stdout; a closed pipe (`| head`) ends quietly. */
export async function writeOutput(text: string, out: string | undefined): Promise<void> {
  if (out && out !== '-') {
    await writeFile(out, text, 'utf8');
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' ? resolve() : reject(error),
    );
    process.stdout.write(text, () => resolve());
  });
}
