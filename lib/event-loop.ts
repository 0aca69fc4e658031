/** Lets pending I/O and other requests run between chunks of a long synchronous job (imports, big sheets). */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
