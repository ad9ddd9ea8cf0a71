/** Whose data a request may touch: one account, in one environment. Every store query carries it. */
export interface Scope {
  readonly accountId: string;
  readonly env: 'test' | 'live';
}
