// kcity's command line: parse options, call one library command, write its outcome, exit.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "kcity/commands.hpp"

namespace {

int finish(const kcity::Outcome& outcome, const std::string& output_path) {
    for (const auto& line : outcome.messages) std::cerr << line << "\n";
    if (!outcome.output.empty()) {
        if (output_path.empty()) {
            std::cout << outcome.output << std::flush;
        } else if (auto err = kcity::write_file_atomically(output_path, outcome.output)) {
            std::cerr << "kcity: error: " << *err << "\n";
            return 1;
        }
    }
    return outcome.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kcity: runs the selection of a K-City Network call"};
    app.set_version_flag("--version", std::string("kcity ") + KCITY_VERSION);
    app.require_subcommand(1);

    kcity::ScoreOptions score;
    std::string output, method, track;
    std::vector<std::string> scores;
    auto* cmd = app.add_subcommand("score", "Rank, select and print the selection report");
    cmd->add_option("INPUT", score.inputs.inputs, "Call directories, folders of proposals, or files");
    cmd->add_option("--rules", [&](const std::vector<std::string>& v) {
        score.inputs.rules_dir = v.front();
        return true;
    }, "Rules folder (holds program.yaml)")->type_name("DIR");
    cmd->add_option("--scores", score.inputs.score_files, "Score sheet (CSV); repeatable")->type_name("FILE");
    cmd->add_option("--track", track, "Report this track only")->type_name("ID");
    cmd->add_option("--format", score.format, "text | json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--method", method, "merit | optimal: overrides the rules for this run")
        ->check(CLI::IsMember({"merit", "optimal"}));
    cmd->add_option("--output", output, "Write the report to FILE (atomically)")->type_name("FILE");
    cmd->add_flag("--strict", score.strict, "A shortfall or other warning makes the exit code 1");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "kcity: error: " << e.what() << "\nRun 'kcity --help' for usage.\n";
        return 1;
    }
    if (const char* env = std::getenv("KCITY_RULES")) score.inputs.rules_env = env;
    if (!track.empty()) score.run.track = track;
    if (!method.empty()) score.run.method = method == "merit" ? kcity::Method::merit : kcity::Method::optimal;
    return finish(kcity::score_command(score), output);
}
