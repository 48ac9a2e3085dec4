/** @module The fixed rules of accounts: the roles a user can have, and how long a token may last. */
export type Role = 'viewer' | 'editor' | 'admin'
export const roles: readonly Role[] = ['viewer', 'editor', 'admin']

/** The longest an API token may be made to last, in days (0 means never expires). */
export const maxTokenDays = 3650
