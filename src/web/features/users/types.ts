import type { GrantViewT, TokenViewT, UserViewT } from '../../../shared/views/users.ts';

export type GrantView = GrantViewT;
export type UserView = UserViewT;
export type TokenView = TokenViewT;
