// Names compared as people mean them: the same name typed on another keyboard, copied from
// a web page or written in another case is the same name.
#pragma once
#include <string>
#include <string_view>

namespace kcity {

// The key two names are compared by: Unicode NFC (a Hangul syllable typed as its jamo equals
// the composed one), full case folding, spaces trimmed and each run of spaces (ASCII, tab,
// no-break, ideographic) made one space. `text` is valid UTF-8 (the loaders check it).
std::string fold_name(std::string_view text);

}  // namespace kcity
