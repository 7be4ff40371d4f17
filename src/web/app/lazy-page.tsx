import { lazy, type ComponentType, type ReactNode } from 'react';

/**
 * A registry element whose code loads only when the page is first opened, so the sign-in page and the
 * workbench do not pay for every module (echarts in particular). The layout's Suspense shows a spinner.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  exportName: keyof M & string,
): ReactNode {
  const Page = lazy(async () => ({ default: (await load())[exportName] as ComponentType }));
  return <Page />;
}
