#!/usr/bin/env bash
# Writes a realistic access map of N entries (deterministic): Connect/From/To/Try_TLS/
# Srv_Features/Spam entries, comments every 50 lines. Usage: bench/gen-map.sh N > FILE
set -euo pipefail
n=${1:?usage: gen-map.sh N}
awk -v n="$n" 'BEGIN {
  srand(20261123);
  for (i = 0; i < n; i++) {
    if (i % 50 == 0) printf "# block %d\n", i / 50;
    r = i % 8;
    if (r == 0) printf "Connect:%d.%d.%d\tREJECT\n", 1 + int(i / 65536) % 223, int(i / 256) % 256, i % 256;
    else if (r == 1) printf "From:user%d@sender%d.example.com\tREJECT\n", i, i % 997;
    else if (r == 2) printf "To:customer%d.example.net\tRELAY\n", i;
    else if (r == 3) printf "Try_TLS:mx%d.host%d.example.org\tNO\n", i % 7, i;
    else if (r == 4) printf "Srv_Features:client%d.example.com\tA P\n", i;
    else if (r == 5) printf "Spam:abuse%d@\tFRIEND\n", i;
    else if (r == 6) printf "Connect:spammer%d.example.biz\tERROR:5.7.1:\"550 go away %d\"\n", i, i;
    else printf "From:bulk%d.example.info\tDISCARD\n", i;
  }
}'
