// `kcity letters`: load and run the call, recording every proposal's trace, then write each
// applicant's letter and the index into --output-dir (SPEC §11). The words and the layout are
// report/letters'; this file decides the files and writes each one atomically.
#include "kcity/commands/letters.hpp"

#include <filesystem>

#include "common.hpp"
#include "kcity/commands/output.hpp"
#include "kcity/load/load.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {
namespace fs = std::filesystem;

Outcome letters_command(const LettersOptions& options) {
    Call call;
    Outcome out;
    if (!load_for_output_dir(options.inputs, options.output_dir, call, out)) return out;
    if (options.panel && !call.rules.panel.present)
        return fail(
            "--panel: the call has no panel (rules/panel.yaml): list it there, or leave "
            "out --panel");
    const LetterOptions letter{options.format, options.lang.value_or(options.locale_lang),
                               options.panel};
    RunOptions run;
    run.trace = TraceRequest{true, {}};  // a letter reads what the run decided, and why
    Result result = run_selection(call, run);
    add_panel_warnings(result, out);
    const std::string ext = letter_extension(options.format);
    for (const auto& p : call.proposals)
        if (p.id == "index")
            return fail("proposal `index` would be written over the letters' index index." + ext +
                        ": give the proposal another id");
    const fs::path dir(options.output_dir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return fail("cannot create " + dir.generic_string() + ": " + ec.message(), Failure::output);
    std::size_t count = 0;
    auto write = [&](const fs::path& path, const std::string& bytes) {
        if (auto err = write_file_atomically(path.string(), bytes)) {
            out.messages.push_back("kcity: error: " + *err);
            out.failure = Failure::output;
            return false;
        }
        out.output += path.generic_string() + "\n";
        return true;
    };
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            if (!write(dir / (r.proposal->id + "." + ext), render_letter(call, tr, r, letter)))
                return out;
            ++count;
        }
    if (!write(dir / ("index." + ext), render_letter_index(call, result, letter))) return out;
    out.messages.push_back(
        "kcity: " + format_message("letter.wrote", letter.lang,
                                   {{"count", Count{count}}, {"dir", dir.generic_string()}}));
    return out;
}

}  // namespace kcity
