# Sourced by the scripts that run every case of tests/bad/: the arguments of `kcity check` for
# the case in DIR, into the array `args` — the case's own `args` file, else the folder (with its
# own rules when it has them, the repository's built-in rules otherwise).
bad_case_args() { # DIR
  local dir=$1
  if [ -f "$dir/args" ]; then
    mapfile -t args <"$dir/args"
  elif [ -f "$dir/rules/program.yaml" ]; then
    args=("${dir%/}")
  else
    args=("${dir%/}" --rules rules)
  fi
}
