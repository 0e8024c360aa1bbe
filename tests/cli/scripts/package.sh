# CPack makes kcity_<version>_<arch>.deb with its library dependencies declared; unpacked with
# dpkg -x into a temporary root, its kcity runs and its man page and completions are there.
set -eu
build=$(dirname "$KCITY")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! command -v dpkg-shlibdeps >/dev/null; then echo "dpkg-shlibdeps (dpkg-dev) is missing"; exit 1; fi
version=$("$KCITY" --version | cut -d' ' -f2)
arch=$(dpkg --print-architecture)
(cd "$tmp" && cpack --config "$(realpath "$build")/CPackConfig.cmake" -B "$tmp" >cpack.log 2>&1) ||
  { cat "$tmp/cpack.log"; exit 1; }
deb=$tmp/kcity_${version}_${arch}.deb
[ -f "$deb" ] || { echo "no $deb:"; ls "$tmp"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp libfmt libssl libzip libexpat libutf8proc libxlsxwriter libstdc++ libc6; do
  echo "$depends" | grep -q "$lib" || { echo "Depends lacks $lib: $depends"; exit 1; }
done
dpkg -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/kcity" --version | grep -q "^kcity $version (commit "
for f in usr/share/man/man1/kcity.1 usr/share/bash-completion/completions/kcity \
         usr/share/zsh/vendor-completions/_kcity usr/share/kcity/schemas/proposal.schema.json; do
  [ -s "$tmp/root/$f" ] || { echo "the package lacks /$f"; exit 1; }
done
echo "$(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) runs from dpkg -x; Depends: $depends"
