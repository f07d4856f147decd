/**
 * The part of CRIU's image schema that crviz reads, written from the field numbers of
 * checkpoint-restore/criu `images/pstree.proto` and `images/core.proto` (CRIU 4.1.1, the same
 * numbers as criu-dev 2cf8f13c). Every field is `optional` here, although CRIU marks some
 * `required`: a missing one is reported by the importer with its place, not thrown by the
 * decoder. Fields not listed (registers in `thread_info`, sigactions, creds, ...) are skipped
 * by the decoder without being read into objects. `comm` is declared `bytes` (CRIU says
 * `string`; the wire type is the same) because the kernel's 15 bytes need not be UTF-8.
 */
import { parse, type Type } from 'protobufjs';

const SCHEMA = `
syntax = "proto2";

message pstree_entry {
  optional uint32 pid = 1;
  optional uint32 ppid = 2;
  optional uint32 pgid = 3;
  optional uint32 sid = 4;
  repeated uint32 threads = 5;
}

message task_core_entry {
  optional uint32 task_state = 1;
  optional uint32 exit_code = 2;
  optional uint32 personality = 3;
  optional uint32 flags = 4;
  optional bytes comm = 6;
  optional bool child_subreaper = 18;
  optional uint32 stop_signo = 21;
}

message task_kobj_ids_entry {
  optional uint32 vm_id = 1;
  optional uint32 pid_ns_id = 5;
}

message thread_core_entry {
  optional uint32 pdeath_sig = 8;
  optional bytes comm = 13;
}

message core_entry {
  optional uint32 mtype = 1;
  optional task_core_entry tc = 3;
  optional task_kobj_ids_entry ids = 4;
  optional thread_core_entry thread_core = 5;
}
`;

const ROOT = parse(SCHEMA, { keepCase: true }).root;

export const PSTREE_ENTRY: Type = ROOT.lookupType('pstree_entry');
export const CORE_ENTRY: Type = ROOT.lookupType('core_entry');
