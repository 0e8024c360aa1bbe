// Diagnostics as `check` prints them: text lines, JSON, or GitHub workflow annotations.
#include "kcity/report/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kcity/report/escape.hpp"

namespace kcity {
namespace {

// GitHub's workflow commands: data escapes %, CR and LF; property values also : and ,.
std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string render_diagnostics(const std::vector<Diagnostic>& diags, Format format) {
    std::string out;
    if (format == Format::json) {
        out = "{\n  \"format_version\": 1,\n  \"diagnostics\": [";
        for (std::size_t i = 0; i < diags.size(); ++i) {
            const Diagnostic& d = diags[i];
            out += fmt::format(
                "{}\n    {{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": \"{}\", "
                "\"message\": {}}}",
                i ? "," : "", d.where.file.empty() ? "null" : json_quote(d.where.file.str()),
                d.where.line, d.where.column, d.severity == Severity::error ? "error" : "warning",
                json_quote(d.message));
        }
        return out + (diags.empty() ? "]\n}\n" : "\n  ]\n}\n");
    }
    for (const auto& d : diags) {
        if (format == Format::github) {
            const char* kind = d.severity == Severity::error ? "error" : "warning";
            std::string props;
            if (!d.where.file.empty())
                props =
                    fmt::format(" file={},line={},col={}", github_escape(d.where.file.str(), true),
                                std::max(d.where.line, 1), std::max(d.where.column, 1));
            out += fmt::format("::{}{}::{}\n", kind, props, github_escape(d.message, false));
        } else {
            out += format_diagnostic(d) + "\n";
        }
    }
    return out;
}

}  // namespace kcity
