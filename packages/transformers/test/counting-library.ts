import { defaultLibrary, type TransformersLibrary } from '@cxqa/transformers';

/** The real transformers.js, with the size of every inference call's batch pushed to `calls`. */
export function countingLibrary(calls: number[]): () => Promise<TransformersLibrary> {
  return async () => {
    const real = await defaultLibrary();
    return {
      env: real.env,
      async pipeline(task, model, options) {
        const pipe = (await real.pipeline(task, model, options)) as ((t: string[], o: unknown) => Promise<unknown>) & {
          model: unknown;
          dispose: () => Promise<void>;
        };
        const counted = (texts: string[], o: unknown) => {
          calls.push(texts.length);
          return pipe(texts, o);
        };
        return Object.assign(counted, { model: pipe.model, dispose: () => pipe.dispose() });
      },
    };
  };
}
