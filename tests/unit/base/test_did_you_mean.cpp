// "Did you mean" and the one-edit test behind check's typo warning (issue 20, SPEC §6 step 1).
#include <catch2/catch.hpp>

#include "kcity/base/diagnostics.hpp"

using kcity::nearest;
using kcity::one_edit_apart;

TEST_CASE("did you mean: letter case is compared first", "[diagnostics][did-you-mean]") {
    // By bytes, `PIL-2024-01` is nearer to `pln-2024-01` than `PLN-2024-01` is.
    CHECK(nearest("pln-2024-01", {"PIL-2024-01", "PLN-2024-01"}) == "PLN-2024-01");
    CHECK(nearest("pln-2024-01", {"PLN-2024-01", "PIL-2024-01"}) == "PLN-2024-01");
    // Case-insensitive, still near: a typo in a lower-cased id.
    CHECK(nearest("pln-2024-1", {"PIL-2024-01", "PLN-2024-01"}) == "PLN-2024-01");
    // Folded ties go to the nearer by bytes.
    CHECK(nearest("Ab", {"aB", "Ab"}) == "Ab");
    CHECK(nearest("--verison", {"--help", "--version"}) == "--version");
    CHECK(nearest("zzzzzz", {"score", "check"}).empty());
}

TEST_CASE("one edit: a letter inserted, deleted or replaced, or only the case",
          "[diagnostics][one-edit]") {
    CHECK(one_edit_apart("goverment", "government"));         // deleted
    CHECK(one_edit_apart("governmentt", "government"));       // inserted
    CHECK(one_edit_apart("govarnment", "government"));        // replaced
    CHECK(one_edit_apart("GOVERNMENT", "government"));        // the case only, however many letters
    CHECK_FALSE(one_edit_apart("government", "government"));  // the same: nothing to warn
    CHECK_FALSE(one_edit_apart("govrment", "government"));    // two edits
    CHECK_FALSE(one_edit_apart("company", "government"));
    CHECK_FALSE(one_edit_apart("", "ab"));
    CHECK(one_edit_apart("", "a"));
}
