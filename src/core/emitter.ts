/**
 * A tiny typed event emitter for adapters and the core. A throwing handler must not
 * stop the others nor reach the code that emitted (the host page's handler is not ours
 * to crash on), so each call is guarded and the failure logged.
 */
export interface Emitter<E extends { [K in keyof E]: (...args: never[]) => void }> {
  on<K extends keyof E>(event: K, handler: E[K]): () => void;
  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void;
  clear(): void;
}

export function createEmitter<E extends { [K in keyof E]: (...args: never[]) => void }>(): Emitter<E> {
  let handlers = new Map<keyof E, Set<E[keyof E]>>();
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => void set!.delete(handler);
    },
    emit(event, ...args) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as unknown as (...a: unknown[]) => void)(...args);
        } catch (error) {
          console.error(`[chat-meet] CM_HANDLER_FAILED: a '${String(event)}' handler threw`, error);
        }
      }
    },
    clear() {
      handlers = new Map();
    },
  };
}
