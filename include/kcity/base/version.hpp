// What `kcity --version` prints and what an attestation records: the release (CMake's project
// version) and the git commit the binary was built from, read when CMake configured the build
// ("unknown" outside a git checkout). Defined in the build's generated/version.cpp.
#pragma once
#include <string_view>

namespace kcity {

std::string_view build_version();  // "0.1.0"
std::string_view build_commit();   // `git describe --always` of the source tree, or "unknown"

}  // namespace kcity
