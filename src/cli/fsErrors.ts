/** One-line reasons for a failed file system call or a file that is not a regular file. */
import type * as fs from 'fs';
import { messageOf } from '../core/util/errors';

/** A one-line reason for a failed file system call, naming the file. */
export function fsErrorMessage(file: string, err: unknown, doing = ''): string {
  return `${file}: ${fsErrorReason(err, doing)}`;
}

/** A failed file system call's reason, without the file's name. */
export function fsErrorReason(err: unknown, doing = ''): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const what = doing ? `cannot ${doing}: ` : '';
  switch (code) {
    case 'ENOENT':
      return `${what}no such file`;
    case 'ELOOP':
      return `${what}too many levels of symbolic links (a link that points back to itself?)`;
    case 'EACCES':
    case 'EPERM':
      return `${what}permission denied`;
    case 'ENOTDIR':
      return `${what}a part of the path is not a folder`;
    case 'EISDIR':
      return `${what}is a folder, not a note`;
    case 'EFBIG':
      return `${what}the file would be larger than the system allows (EFBIG)`;
    case 'ENOSPC':
      return `${what}no space left on the disk`;
    case 'EROFS':
      return `${what}the file system is read-only`;
    default:
      return `${what}${messageOf(err)}`;
  }
}

/** Why a file of this type is not a note (or a `noun`), or undefined for a regular file. */
export function notRegularReason(stat: fs.Stats, noun = 'note'): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return `is a folder, not a ${noun}`;
  if (stat.isFIFO()) return `is a named pipe (FIFO), not a ${noun}; it is not read`;
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return `is a device, not a ${noun}; it is not read`;
  if (stat.isSocket()) return `is a socket, not a ${noun}`;
  return 'is not a regular file';
}
