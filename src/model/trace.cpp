#include "kcity/model/trace.hpp"

#include <algorithm>

namespace kcity {

bool TraceRequest::wants(const std::string& id) const {
    return enabled && (ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end());
}

}  // namespace kcity
