import { dirname } from "node:path";

/** The error code of a failed file-system call (ENOENT, EACCES, …), or undefined for any other error. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Causes that read the same whether the file was being read or written. */
const COMMON: Readonly<Record<string, string>> = {
  ENAMETOOLONG: "the name is too long",
  ELOOP: "the path goes round a loop of symbolic links",
  ENOTDIR: "a part of its folder path is a file, not a folder",
  EIO: "the disk reported an error",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
};

/** Why reading `path` failed, in plain words (what follows "FILE: "). */
export function readProblem(code: string | undefined): string {
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a folder";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: you may not read it";
  if (code !== undefined && COMMON[code] !== undefined) return `cannot be read: ${COMMON[code]}`;
  return `cannot be read${code === undefined ? "" : ` (${code})`}`;
}

/** Why writing `path` failed, in plain words (what follows "cannot write FILE: "). */
export function writeProblem(code: string | undefined, path: string): string {
  if (code === "ENOENT") return `the folder ${dirname(path)} does not exist`;
  if (code === "EACCES" || code === "EPERM") return "you may not write there";
  if (code === "EROFS") return "the disk is read-only";
  if (code === "EISDIR") return `${path} is a folder`;
  if (code === "EBUSY" || code === "ETXTBSY") return "the file is in use by another program (close it first)";
  if (code !== undefined && COMMON[code] !== undefined) return COMMON[code];
  return `the system refused${code === undefined ? "" : ` (${code})`}`;
}

/** Codes that mean the disk (or the user's quota on it) has no room for the file. */
export function isDiskFull(code: string | undefined): boolean {
  return code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG";
}
