// Private to the report stage: how a renderer writes to a sink, and text columns written row
// by row.
#pragma once
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/render.hpp"

namespace kcity {

// A report on its way to a sink. The renderer appends to buffer() and calls boundary() after
// each row; the buffer goes to the sink in pieces of about 256 KiB, so that the report of
// 100,000 proposals (60 MB of JSON, 120 MB of HTML) is never held whole.
class Piecewise {
  public:
    static constexpr std::size_t piece = 256 * 1024;

    explicit Piecewise(const Sink& sink) : sink_(sink) { buf_.reserve(piece + 16 * 1024); }
    Piecewise(const Piecewise&) = delete;
    Piecewise& operator=(const Piecewise&) = delete;

    std::string& buffer() { return buf_; }
    // Hands the buffer on once it holds a piece.
    void boundary() {
        if (buf_.size() >= piece) hand_on();
    }
    // The rest, at the end of the report.
    void finish() {
        if (!buf_.empty()) hand_on();
    }

  private:
    void hand_on() {
        sink_(buf_);
        buf_.clear();
    }
    const Sink& sink_;
    std::string buf_;
};

// The whole report of a renderer that writes to a sink.
inline std::string collect(const std::function<void(const Sink&)>& render,
                           std::size_t expected = 0) {
    std::string out;
    out.reserve(expected);
    render([&](std::string_view piece) { out += piece; });
    return out;
}

// render_columns' layout (base/text.hpp) for a table too long to hold: measure() every row
// first, then write() each: the same bytes, one row at a time. Cells are plain_text
// (escape.hpp): a tab or a line break in a title would break the columns.
class TextColumns {
  public:
    TextColumns(std::vector<Align> align, std::string_view indent)
        : align_(std::move(align)), indent_(indent) {}

    void measure(const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths_.size() <= i) widths_.push_back(0);
            widths_[i] = std::max(widths_[i], display_width(plain(row[i])));
        }
    }

    void write(std::string& out, const std::vector<std::string>& row) const {
        std::size_t start = out.size();
        out += indent_;
        for (std::size_t i = 0; i < row.size(); ++i) {
            Align a = i < align_.size() ? align_[i] : Align::left;
            if (i) out += "  ";
            // The last column, when it is left-aligned, is not padded.
            out += pad(plain(row[i]), i + 1 == row.size() && a == Align::left ? 0 : widths_[i], a);
        }
        while (out.size() > start && out.back() == ' ') out.pop_back();
        out += '\n';
    }

  private:
    // Most cells have no control character: those are used as they are.
    static std::string plain(const std::string& cell) {
        bool clean = std::all_of(cell.begin(), cell.end(), [](char ch) {
            auto c = static_cast<unsigned char>(ch);
            return c >= 0x20 && c != 0x7F && c != 0xC2;
        });
        return clean ? cell : plain_text(cell);
    }
    std::vector<Align> align_;
    std::string indent_;
    std::vector<std::size_t> widths_;
};

}  // namespace kcity
