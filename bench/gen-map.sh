#!/usr/bin/env bash
# Writes a realistic access map of N entries (deterministic): Connect/From/To/Try_TLS/
# Srv_Features/Spam entries, comments every 50 lines. With FLAWED (a percentage, default 0), that
# share of the entries carries a mistake lint reports (an inline comment, a lower-case keyword,
# trailing blanks, a CIDR key, letters run together), as a hand-kept map might. With WARNED (a
# percentage, default 0), that share of the entries is replaced by one that draws a real warning
# when lint reads Debian 12's sendmail.cf (8.17.1.9, no blocklist_recipients, no DANE): To: REJECT
# (AC216), Clt_Features entries (AC403, which 8.17.1 never looks up) and a Clt_Features D letter
# (AC403 and AC304).
# Usage: bench/gen-map.sh N [FLAWED [WARNED]] > FILE
set -euo pipefail
n=${1:?usage: gen-map.sh N [FLAWED [WARNED]]}
flawed=${2:-0}
warned=${3:-0}
awk -v n="$n" -v flawed="$flawed" -v warned="$warned" 'BEGIN {
  srand(20261123);
  for (i = 0; i < n; i++) {
    if (i % 50 == 0) printf "# block %d\n", i / 50;
    r = i % 8;
    if (r == 0) line = sprintf("Connect:%d.%d.%d\tREJECT", 1 + int(i / 65536) % 223, int(i / 256) % 256, i % 256);
    else if (r == 1) line = sprintf("From:user%d@sender%d.example.com\tREJECT", i, i % 997);
    else if (r == 2) line = sprintf("To:customer%d.example.net\tRELAY", i);
    else if (r == 3) line = sprintf("Try_TLS:mx%d.host%d.example.org\tNO", i % 7, i);
    else if (r == 4) line = sprintf("Srv_Features:client%d.example.com\tA P", i);
    else if (r == 5) line = sprintf("Spam:abuse%d@\tFRIEND", i);
    else if (r == 6) line = sprintf("Connect:spammer%d.example.biz\tERROR:5.7.1:\"550 go away %d\"", i, i);
    else line = sprintf("From:bulk%d.example.info\tDISCARD", i);
    if (flawed > 0 && (i * 7919) % 10000 < flawed * 100) {
      m = int(i / 8) % 5;
      if (m == 0) line = line " # added by hand";
      else if (m == 1) { sub(/\t[A-Z]+$/, "\treject", line); }
      else if (m == 2) line = line "  ";
      else if (m == 3) line = sprintf("Connect:10.%d.%d.0/24\tREJECT", int(i / 256) % 256, i % 256);
      else line = sprintf("Srv_Features:client%d.example.com\tAP", i);
    }
    if (warned > 0 && (i * 4099) % 10000 < warned * 100) {
      m = int(i / 3) % 4;
      if (m == 0 || m == 3) line = sprintf("To:customer%d.example.net\tREJECT", i);
      else if (m == 1) line = sprintf("Clt_Features:mx%d.example.net\tM", i);
      else line = sprintf("Clt_Features:mx%d.example.net\tD", i);
    }
    print line;
  }
}'
