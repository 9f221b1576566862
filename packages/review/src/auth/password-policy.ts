import { ExoError } from '@exoatlas/schema';

/** The shortest password accepted when one is set or changed (existing shorter ones still sign in). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest, in UTF-8 bytes: scrypt's cost grows with the input, so a megabyte "password" must not reach it. */
export const MAX_PASSWORD_BYTES = 1024;

let common: Promise<ReadonlySet<string>> | undefined;

/**
 * The common-password list of @zxcvbn-ts/language-common (about 49,000 entries, lower case). Its v4 package ships the
 * list compressed and decompresses it on import (≈60 ms), so it is imported on first use only, and once.
 */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common']));
  return common;
}

/** Loads the list now (a server at start-up, so no sign-up request pays the decompression on the request thread). */
export async function preloadCommonPasswords(): Promise<void> {
  await commonPasswords();
}

const weak = (message: string): never => {
  throw new ExoError('EXO_ERR_AUTH_WEAK_PASSWORD', message, { field: 'password' });
};

/**
 * Checks a new password: at least MIN_PASSWORD_LENGTH characters, at most MAX_PASSWORD_BYTES bytes, not only white
 * space, not the user name, and not in the common-password list (compared in lower case, as the list is).
 */
export async function checkPasswordPolicy(password: string, username: string): Promise<void> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) weak(`the password must have at most ${MAX_PASSWORD_BYTES} bytes`);
  if ([...password].length < MIN_PASSWORD_LENGTH) weak(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.trim() === '') weak('the password cannot be only white space');
  const folded = password.normalize('NFC').toLowerCase();
  if (folded === username.toLowerCase()) weak('the password cannot be the user name');
  if ((await commonPasswords()).has(folded)) weak('that password is in a list of common passwords; choose another');
}
