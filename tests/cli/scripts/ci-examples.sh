# The CI examples (examples/ci) install every library the build needs: one left out fails to
# configure on a fresh runner (github-actions-corrections.yml once lacked libxlsxwriter-dev). The
# libraries are those .ci/run installs for the build, which CI proves on a fresh machine.
set -eu
libraries=$(grep -o 'lib[a-z0-9+-]*-dev' .ci/run | grep -v '^libclang' | sort -u)
[ -n "$libraries" ] || { echo "FAIL: no libraries found in .ci/run"; exit 1; }
for lib in $libraries; do
  grep -q -- "$lib" README.md || { echo "FAIL: README.md does not install $lib"; exit 1; }
done
for example in examples/ci/*.yml; do
  grep -q 'cmake -S' "$example" || continue  # builds nothing
  for lib in $libraries; do
    grep -q -- "$lib" "$example" || { echo "FAIL: $example does not install $lib"; exit 1; }
  done
done
echo "every CI example and the README install the libraries of the build"
