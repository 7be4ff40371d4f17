/**
 * One way to write to the API from a page: a react-query mutation that shows a Chinese success message,
 * refreshes exactly the query keys its feature owns, and turns a refusal into field errors on the form (or a
 * toast). Pages call `run(vars)`, which never throws, instead of writing try/catch around every `api()` call.
 *
 * A feature's api/*.ts declares its mutations with it:
 *
 *   export function useCloseThing() {
 *     return useApiMutation({
 *       mutationFn: (v: { id: number; version: number }) => api(`/things/${v.id}/close`, { method: 'POST', body: v }),
 *       invalidates: [thingKeys.all],
 *       success: '已关闭',
 *     });
 *   }
 *
 * and a page:
 *
 *   const close = useCloseThing();
 *   <Button loading={close.isPending} onClick={() => close.run(thing)}>关闭</Button>
 *   // or, to act on success:  if ((await close.run(thing, form)).ok) onClose();
 */
import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { showError } from './form-errors.ts';

export interface ApiMutationOptions<TVars, TResult> {
  mutationFn: (vars: TVars) => Promise<TResult>;
  /** Query keys (prefixes) of the caller's own feature to refetch after success — never every query. */
  invalidates?: QueryKey[] | ((result: TResult, vars: TVars) => QueryKey[]);
  /** The success message; omit for writes whose result is visible at once (e.g. a closing dialog). */
  success?: string | ((result: TResult, vars: TVars) => string);
  /** Server field errors land on this form's fields; anything else is a toast. */
  form?: FormInstance;
  onSuccess?: (result: TResult, vars: TVars) => void | Promise<void>;
}

/** What `run` resolves to: the answer on success (a 204 answers `undefined`), or `ok: false` once shown. */
export type MutationOutcome<T> = { ok: true; data: T } | { ok: false };

/** A mutation with the house's success message, own-key invalidation and error display. */
export function useApiMutation<TVars = void, TResult = unknown>(options: ApiMutationOptions<TVars, TResult>) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation<TResult, unknown, TVars>({
    mutationFn: options.mutationFn,
    onSuccess: async (result, vars) => {
      const keys =
        typeof options.invalidates === 'function' ? options.invalidates(result, vars) : (options.invalidates ?? []);
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
      const text = typeof options.success === 'function' ? options.success(result, vars) : options.success;
      if (text) void message.success(text);
      await options.onSuccess?.(result, vars);
    },
  });
  /** Runs the mutation; never throws: a failure has already been shown (on `form`'s fields, or as a toast). */
  const run = async (vars: TVars, form: FormInstance | undefined = options.form): Promise<MutationOutcome<TResult>> => {
    try {
      return { ok: true, data: await mutation.mutateAsync(vars) };
    } catch (error) {
      showError(error, form);
      return { ok: false };
    }
  };
  return { ...mutation, run };
}
