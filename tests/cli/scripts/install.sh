# `cmake --install` lays out bin/kcity, the man page and the completions; the man page renders
# without a warning and names every option that `--help` lists, for every command; the bash
# completion loads and completes commands, options, formats and the call's track ids; the zsh
# one parses. KCITY is BUILD/kcity, so its folder is the build folder.
set -eu
build=$(dirname "$KCITY")
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --version: the version and the commit.
"$KCITY" --version | grep -Eq '^kcity [0-9]+\.[0-9]+\.[0-9]+ \(commit [^ ]+\)$'

# The man page: groff warns about nothing (-ww), and every option of every command is there.
groff -ww -man -Tutf8 dist/kcity.1 >"$tmp/man.txt" 2>"$tmp/groff.err"
if [ -s "$tmp/groff.err" ]; then echo "groff warns:"; cat "$tmp/groff.err"; exit 1; fi
groff -man -Tutf8 -P-cbou dist/kcity.1 2>/dev/null >"$tmp/man.plain"
version=$("$KCITY" --version | cut -d' ' -f2)
grep -q "^\.TH KCITY 1 [0-9-]* \"kcity $version\"" dist/kcity.1 ||
  { echo "dist/kcity.1's .TH does not name kcity $version"; exit 1; }
commands=$("$KCITY" --help | sed -n '/^Subcommands:/,$p' | awk 'NF && $1 != "Subcommands:" {print $1}')
[ -n "$commands" ] || { echo "kcity --help lists no command"; exit 1; }
# The options a --help lists: each line that starts with one (`  -h,--help`, `  --rules DIR`).
options_of() { grep -oE -- '^ +(-[a-z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | sort -u; }
missing=0
for cmd in "" $commands; do
  for opt in $("$KCITY" $cmd --help | options_of); do
    if ! grep -qF -- "$opt" "$tmp/man.plain"; then
      echo "dist/kcity.1 lacks ${cmd:-kcity} $opt"; missing=1
    fi
  done
  if [ -n "$cmd" ] && ! grep -qE "^ +$cmd( |$)" "$tmp/man.plain"; then
    echo "dist/kcity.1 lacks the command $cmd"; missing=1
  fi
done
[ $missing = 0 ]

# bash completion: it parses, and completes.
bash -n dist/kcity.bash
complete_words() {  # the words of COMP_WORDS, in the folder $1: COMPREPLY one a line
  (cd "$1" && bash -c 'source "$0"; COMP_WORDS=("${@}"); COMP_CWORD=$(($# - 1)); _kcity;
                       printf "%s\n" "${COMPREPLY[@]}"' "$root/dist/kcity.bash" "${@:2}")
}
[ "$(complete_words . kcity sc)" = score ]
complete_words . kcity score --for | grep -qx -- --format
complete_words . kcity score --format '' | grep -qx html
complete_words . kcity check --format '' | grep -qx github
[ "$(complete_words . kcity score --lang k)" = ko ]
[ "$(complete_words . kcity diff --method o)" = optimal ]
[ "$(complete_words examples/2023 kcity score --track '' | sort | tr '\n' ' ')" = "pilot planning " ]
complete_words . kcity letters --p | grep -qx -- --panel
for cmd in $commands; do
  for opt in $("$KCITY" $cmd --help | options_of); do
    complete_words . kcity "$cmd" "$opt" | grep -qx -- "$opt" ||
      { echo "bash completion lacks $cmd $opt"; missing=1; }
  done
done
[ $missing = 0 ]
# zsh completion: it parses (where zsh is installed).
if command -v zsh >/dev/null; then zsh -n dist/_kcity; fi

# The install tree.
cmake --install "$build" --prefix "$tmp/root" >/dev/null
for f in bin/kcity share/man/man1/kcity.1 share/bash-completion/completions/kcity \
         share/zsh/vendor-completions/_kcity share/kcity/schemas/proposal.schema.json; do
  [ -s "$tmp/root/$f" ] || { echo "cmake --install did not write $f"; exit 1; }
done
# Every schema of the repository, as it is (the rules' and the reports' too).
for f in schemas/*.schema.json; do
  cmp -s "$f" "$tmp/root/share/kcity/$f" || { echo "cmake --install did not write $f"; exit 1; }
done
"$tmp/root/bin/kcity" --version | grep -q "^kcity $version "
echo "install tree, man page (every option of $(echo $commands | wc -w) commands) and completions checked"
