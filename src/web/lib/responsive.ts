import { Grid } from 'antd';

/** True below a tablet's width (antd's `md`, 768 px): menus become drawers, tables cards, drawers full screen. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined; judge from the window so the first paint is already right.
  return screens.md === undefined ? typeof window !== 'undefined' && window.innerWidth < 768 : !screens.md;
}
