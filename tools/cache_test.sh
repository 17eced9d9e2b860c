#!/usr/bin/env bash
# cache_test.sh GOJIT TESTDATA: the program cache (jit/program_cache.h) through
# `gojit run`, as a user meets it:
#   1. a second run is a hit (--time says "cache"), with the same output;
#   2. a panicking program's traceback (file:line from the cached object's DWARF)
#      and exit code are the same from the cache;
#   3. a corrupted or truncated entry is rebuilt, never trusted;
#   4. an edited program is a new entry, not the old one's output, and compiles
#      main alone: every other package's object comes from the cache
#      (jit/package_objects.h), found by its inputs without being extracted
#      (and, verifying, extracted and found the same), and a package whose object is damaged is
#      compiled again on its own; the library's syntax trees are read from the
#      cache, not parsed (frontend/ast_encoding.h);
#   4b. --unit=program compiles and caches the program as one object;
#   5. two programs run concurrently (each twice at once) into an empty cache all
#      print what they should, and leave one whole entry each; two runs of one
#      program at once compile each package once (ProgramCache::LockEntry);
#   6. `gojit clean -cache` empties it; GOJITCACHE=off writes nothing; a relative
#      GOJITCACHE is an error (exit 1), as a relative GOCACHE is for go.
set -u
gojit=$1
testdata=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOJITCACHE=$work/cache
fails=0
fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}
entries() { find "$GOJITCACHE" -name '*.o' 2>/dev/null | wc -l; }
# Program entries: the manifests listing a program's package objects.
programs() { find "$GOJITCACHE" -name '*.o' -exec grep -la 'gojit package objects 1' {} + 2>/dev/null | wc -l; }
# packages NAME: the "gojit: packages: N (M cached[, K by inputs]); compiled P T, ..." line.
packages() { grep '^gojit: packages:' "$work/$1.err"; }
# run NAME FILE...: stdout to $work/NAME.out, stderr to $work/NAME.err, code to $work/NAME.rc
run() {
  local name=$1
  shift
  "$gojit" run --time "$@" >"$work/$name.out" 2>"$work/$name.err"
  echo $? >"$work/$name.rc"
}
phase() { grep -o 'gojit: time: [a-z]*' "$work/$1.err" | awk '{print $3}'; }

hello=$testdata/run/hello.go
generic=$testdata/run/generic_funcs.go
panicky=$testdata/fail/close_closed.go

# 1. Cold, then warm.
run cold "$hello"
run warm "$hello"
[ "$(phase cold)" = load ] || fail "first run should compile (load), got '$(phase cold)'"
[ "$(phase warm)" = cache ] || fail "second run should be a cache hit, got '$(phase warm)'"
cmp -s "$work/cold.out" "$testdata/run/hello.out" || fail "cold output differs from hello.out"
cmp -s "$work/warm.out" "$testdata/run/hello.out" || fail "cached output differs from hello.out"
[ "$(programs)" = 1 ] || fail "want 1 program entry after one program, have $(programs)"
[ "$(entries)" -gt 1 ] || fail "want package objects besides the program entry, have $(entries) entries"

# 2. A panic from cached code: same traceback text and exit code.
run pcold "$panicky"
run pwarm "$panicky"
[ "$(phase pwarm)" = cache ] || fail "panicking program: second run should be a hit"
[ "$(cat "$work/pcold.rc")" = 2 ] || fail "panic should exit 2, got $(cat "$work/pcold.rc")"
[ "$(cat "$work/pwarm.rc")" = 2 ] || fail "cached panic should exit 2, got $(cat "$work/pwarm.rc")"
grep -q 'close_closed.go:[0-9]' "$work/pwarm.err" || fail "cached traceback has no file:line"
diff <(grep -Ev '^gojit: (time|packages):' "$work/pcold.err") <(grep -Ev '^gojit: (time|packages):' "$work/pwarm.err") >/dev/null ||
  fail "traceback from the cache differs from the compiled one"

# 3. Corrupted, then truncated: rebuilt, correct, then a hit again.
entry=$(grep -l . $(find "$GOJITCACHE" -name '*.o') /dev/null | head -1)
for damage in corrupt truncate; do
  for f in $(find "$GOJITCACHE" -name '*.o'); do
    if [ $damage = corrupt ]; then
      printf 'garbage!' | dd of="$f" bs=1 seek=200 conv=notrunc status=none
    else
      truncate -s 100 "$f"
    fi
  done
  run "d_$damage" "$hello"
  [ "$(phase d_$damage)" = load ] || fail "$damage entry was trusted ($(phase d_$damage))"
  cmp -s "$work/d_$damage.out" "$testdata/run/hello.out" || fail "$damage entry: wrong output"
  run "d_${damage}2" "$hello"
  [ "$(phase d_${damage}2)" = cache ] || fail "$damage entry was not rebuilt"
done
[ -n "$entry" ] || fail "no entry to damage"

# 4. An edited program is compiled again.
cp "$hello" "$work/edit.go"
run e1 "$work/edit.go"
sed -i 's/hello/HELLO/' "$work/edit.go"
run e2 "$work/edit.go"
[ "$(phase e2)" = load ] || fail "edited program was served from the cache"
grep -q HELLO "$work/e2.out" || fail "edited program printed the old output"
total=$(packages e2 | sed -n 's/^gojit: packages: \([0-9]*\) .*/\1/p')
cached=$(packages e2 | sed -n 's/^gojit: packages: [0-9]* (\([0-9]*\) cached[,)].*/\1/p')
reused=$(packages e2 | sed -n 's/^gojit: packages: [0-9]* ([0-9]* cached, \([0-9]*\) by inputs).*/\1/p')
[ -n "$total" ] && [ "$total" -gt 1 ] || fail "no package line: $(packages e2)"
[ "$cached" = $((total - 1)) ] || fail "edit to main should compile main alone: $(packages e2)"
[ "$reused" = $((total - 1)) ] || fail "edit to main should take the library by its inputs: $(packages e2)"
# Verifying extracts them all the same, and finds each one's code is what its
# inputs named.
sed -i 's/HELLO/HeLLo/' "$work/edit.go"
GOJIT_VERIFY_PARTITION_REUSE=1 run e2v "$work/edit.go"
grep -q HeLLo "$work/e2v.out" || fail "verified edit: wrong output: $(cat "$work/e2v.out")"
packages e2v | grep -Eq "^gojit: packages: $total \($((total - 1)) cached\); compiled main " ||
  fail "verified edit: want the library cached, not taken by inputs: $(packages e2v)"
packages e2 | grep -q '; compiled main [0-9.]*s$' || fail "edit to main did not compile main: $(packages e2)"
# The library's syntax trees, parsed by the first cold run, are read, not parsed.
grep -Eq '^gojit: syntax trees: 0 cached, [1-9][0-9]* parsed$' "$work/cold.err" ||
  fail "cold run: want every library file parsed, got $(grep 'syntax trees' "$work/cold.err")"
grep -Eq '^gojit: syntax trees: [1-9][0-9]* cached, 0 parsed$' "$work/e2.err" ||
  fail "edited main: want every library file's tree from the cache, got $(grep 'syntax trees' "$work/e2.err")"
# Damage one library package's object: that package, and only it, is compiled again.
sed -i 's/HeLLo/Hello again/' "$work/edit.go"
# The newest manifest is e2's; its first package other than main is the victim.
manifest=$(ls -t $(find "$GOJITCACHE" -name '*.o' -exec grep -la 'gojit package objects 1' {} +) | head -1)
key=$(grep -a '^[a-z/]* [0-9a-f]*$' "$manifest" | grep -v '^main ' | head -1 | awk '{print $2}')
victim=
[ -n "$key" ] && victim=$GOJITCACHE/${key:0:2}/$key.o
[ -n "$victim" ] || fail "no library package object to damage"
printf 'garbage!' | dd of="$victim" bs=1 seek=200 conv=notrunc status=none
run e3 "$work/edit.go"
grep -q 'Hello again' "$work/e3.out" || fail "damaged package: wrong output"
packages e3 | grep -Eq '; compiled [^ ]+ [0-9.]+s, [^ ]+ [0-9.]+s$' ||
  fail "damaged package and edited main: want exactly two compiled, got $(packages e3)"

# 4b. One unit for the whole program: one object, then a hit of its own.
run u1 --unit=program "$hello"
run u2 --unit=program "$hello"
packages u1 | grep -q '^gojit: packages: 1 (0 cached); compiled main ' ||
  fail "--unit=program: want one compiled unit, got $(packages u1)"
[ "$(phase u2)" = cache ] || fail "--unit=program: second run should be a hit, got '$(phase u2)'"
cmp -s "$work/u2.out" "$testdata/run/hello.out" || fail "--unit=program: wrong output"

# 5. Concurrent runs into an empty cache.
"$gojit" clean -cache || fail "clean -cache failed"
[ "$(entries)" = 0 ] || fail "clean -cache left $(entries) entries"
for i in 1 2; do
  "$gojit" run "$hello" >"$work/c_h$i.out" 2>&1 &
  "$gojit" run "$generic" >"$work/c_g$i.out" 2>&1 &
done
wait
for i in 1 2; do
  cmp -s "$work/c_h$i.out" "$testdata/run/hello.out" || fail "concurrent hello $i: wrong output"
  cmp -s "$work/c_g$i.out" "$testdata/run/generic_funcs.out" || fail "concurrent generic $i: wrong output"
done
[ "$(programs)" = 2 ] || fail "want 2 program entries after two programs, have $(programs)"
[ -z "$(find "$GOJITCACHE" -name '*.tmp-*')" ] || fail "temporary files left in the cache"
run after "$generic"
[ "$(phase after)" = cache ] || fail "entry written concurrently is not a hit"
# 5b. The same program twice at once into an empty cache: each package is compiled
# by one run only; the other waits for the entry's lock and takes the object.
"$gojit" clean -cache || fail "clean -cache failed"
run l1 "$generic" &
run l2 "$generic" &
wait
compiled() { packages "$1" | sed -n 's/^[^;]*; compiled //p' | tr ',' '\n' | awk 'NF {print $1}' | sort; }
[ -n "$(compiled l1)$(compiled l2)" ] || fail "concurrent runs: nothing compiled: $(packages l1) / $(packages l2)"
dups=$(comm -12 <(compiled l1) <(compiled l2) | tr '\n' ' ')
[ -z "$dups" ] || fail "packages compiled by both concurrent runs: $dups"
cmp -s "$work/l1.out" "$testdata/run/generic_funcs.out" || fail "locked run 1: wrong output"
cmp -s "$work/l2.out" "$testdata/run/generic_funcs.out" || fail "locked run 2: wrong output"

# 6. off, relative, clean.
GOJITCACHE=off "$gojit" run "$hello" >/dev/null 2>&1 || fail "GOJITCACHE=off: run failed"
(cd "$work" && GOJITCACHE=off "$gojit" run "$hello" >/dev/null 2>&1)
[ ! -e "$work/off" ] || fail "GOJITCACHE=off created a directory"
GOJITCACHE=relative/dir "$gojit" run "$hello" >"$work/rel.out" 2>"$work/rel.err"
rc=$?
[ $rc = 1 ] || fail "relative GOJITCACHE: want exit 1, got $rc"
grep -q 'GOJITCACHE is not an absolute path' "$work/rel.err" || fail "relative GOJITCACHE: no message"
"$gojit" clean -cache || fail "clean -cache failed"
[ "$(entries)" = 0 ] || fail "clean -cache left entries"

if [ $fails -ne 0 ]; then
  echo "$fails failure(s)" >&2
  exit 1
fi
echo "cache_test: ok"
