import * as fs from "node:fs";

/**
 * The file-system calls the command line's reader and writer make, as one interface, so tests can
 * inject the errors a root CI machine never produces (a full disk, EACCES, EPERM, a read-only disk).
 */
export interface FileSystem {
  readonly openSync: (path: string, flags: string | number, mode?: number) => number;
  readonly closeSync: (fd: number) => void;
  readonly writeSync: (
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ) => number;
  readonly readSync: (
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ) => number;
  readonly fsyncSync: (fd: number) => void;
  readonly fstatSync: (fd: number) => fs.Stats;
  readonly lstatSync: (path: string) => fs.Stats;
  readonly accessSync: (path: string, mode: number) => void;
  readonly linkSync: (existing: string, created: string) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly unlinkSync: (path: string) => void;
  readonly readdirSync: (path: string) => string[];
}

/** The real file system (node:fs). */
export const nodeFileSystem: FileSystem = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  closeSync: (fd) => fs.closeSync(fd),
  writeSync: (fd, buffer, offset, length, position) => fs.writeSync(fd, buffer, offset, length, position),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fstatSync: (fd) => fs.fstatSync(fd),
  lstatSync: (path) => fs.lstatSync(path),
  accessSync: (path, mode) => fs.accessSync(path, mode),
  linkSync: (existing, created) => fs.linkSync(existing, created),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
  readdirSync: (path) => fs.readdirSync(path),
};
