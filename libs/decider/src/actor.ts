/** The user or service a change is attributed to; recorded with every event it causes. */
export interface Actor {
  sub: string;
  name?: string;
  roles: string[];
}
