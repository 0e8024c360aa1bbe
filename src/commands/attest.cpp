// Attested reports (SPEC §12): the in-toto Statement v1 that `--attest` writes, and
// `kcity verify`, which checks it. The statement records the run as arguments relative to the
// call directory, so that verify re-runs the same command wherever the call now lies.
#include "kcity/commands/attest.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/base/version.hpp"
#include "kcity/commands/output.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/i18n.hpp"

extern char** environ;

namespace kcity {
namespace fs = std::filesystem;
namespace {

struct InputFile {
    std::string path;  // as the loader names it (relative to the current folder)
    std::string role;  // rules, proposals, sheet, history, decisions, panel
};

std::optional<std::string> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

std::optional<std::string> file_sha256(const fs::path& path) {
    auto bytes = read_bytes(path);
    if (!bytes) return std::nullopt;
    return sha256_hex(*bytes);
}

std::string rule_role(const fs::path& path) {
    const std::string name = path.filename().string();
    for (const char* special : {"history", "decisions", "panel"})
        if (name == std::string(special) + ".yaml") return special;
    return "rules";
}

// `path` relative to `base`, both taken from the current folder; "." for the folder itself.
std::string relative_to(const fs::path& path, const fs::path& base) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
    fs::path b = fs::weakly_canonical(fs::absolute(base), ec);
    std::string r = p.lexically_relative(b).generic_string();
    return r.empty() ? "." : r;
}

bool is_call_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "rules" / "program.yaml", ec);
}

// The call directory (SPEC §2): the first input when it is a folder (its parent for
// CALL/proposals), a file's folder, else the current folder.
fs::path call_dir_of(const InputOptions& in) {
    fs::path first = in.inputs.empty() ? fs::path(".") : fs::path(in.inputs.front());
    std::error_code ec;
    if (!fs::is_directory(first, ec))
        first = first.parent_path().empty() ? "." : first.parent_path();
    fs::path canon = fs::weakly_canonical(fs::absolute(first), ec);
    if (!is_call_dir(canon) && is_call_dir(canon.parent_path())) return canon.parent_path();
    return canon;
}

void json_list(std::string& out, const std::vector<std::string>& items) {
    out += "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_quote(items[i]);
    out += "]";
}

}  // namespace

std::optional<std::string> write_attestation(const AttestRequest& request) {
    Diagnostics diags;
    std::string rules_used;
    const Call call = load_call(request.inputs, diags, rules_used);
    std::optional<RulesLocation> rules = find_rules(request.inputs, diags);
    std::vector<InputFile> files;
    if (rules && !rules->builtin)
        for (const auto& f : read_rule_files(*rules, diags))
            files.push_back({f.path, rule_role(f.path)});
    InputFiles found = collect_inputs(request.inputs, diags);
    for (const auto& p : found.proposals) files.push_back({p, "proposals"});
    for (const auto& s : found.sheets) files.push_back({s, "sheet"});
    if (diags.has_errors()) return "--attest: the inputs changed while the report was written";

    const fs::path call_dir = call_dir_of(request.inputs);
    const fs::path statement_dir = fs::path(request.statement).parent_path().empty()
                                       ? fs::path(".")
                                       : fs::path(request.statement).parent_path();
    std::string out = "{\n  \"_type\": \"https://in-toto.io/Statement/v1\",\n  \"subject\": [";
    for (std::size_t i = 0; i < request.outputs.size(); ++i) {
        auto digest = file_sha256(request.outputs[i]);
        if (!digest) return "--attest: cannot read " + request.outputs[i];
        out += (i ? ",\n    " : "\n    ");
        out += "{\"name\": " + json_quote(relative_to(request.outputs[i], statement_dir)) +
               ", \"digest\": {\"sha256\": " + json_quote(*digest) + "}}";
    }
    out += "\n  ],\n  \"predicateType\": " + json_quote(attest_predicate_type) + ",\n";
    out += "  \"predicate\": {\n";
    out += "    \"kcity_version\": " + json_quote(build_version()) + ",\n";
    out += "    \"kcity_commit\": " + json_quote(build_commit()) + ",\n";
    out += "    \"call\": " + json_quote(relative_to(call_dir, statement_dir)) + ",\n";
    out += "    \"command\": " + json_quote(request.command) + ",\n";
    // The language of the environment (LC_ALL, LC_MESSAGES, LANG), which a report follows
    // without --lang: verify runs the command again in it.
    out += "    \"environment_lang\": " + json_quote(request.environment_lang) + ",\n";
    // A report may show a path as it was given (the text report's rules folder): the paths are
    // recorded as given, with the folder they were given from, and where they lie in the call.
    out += "    \"working_directory\": " + json_quote(relative_to(".", call_dir)) + ",\n";
    out += "    \"call_from_working_directory\": " + json_quote(relative_to(call_dir, ".")) + ",\n";
    auto given = [&](const std::string& path) {
        return "{\"given\": " + json_quote(path) +
               ", \"path\": " + json_quote(relative_to(path, call_dir)) + "}";
    };
    auto given_list = [&](const std::vector<std::string>& paths) {
        std::string list = "[";
        for (std::size_t i = 0; i < paths.size(); ++i) list += (i ? ", " : "") + given(paths[i]);
        return list + "]";
    };
    out += "    \"inputs\": " + given_list(request.inputs.inputs) + ",\n";
    const auto& rules_given =
        request.inputs.rules_dir ? request.inputs.rules_dir : request.inputs.rules_env;
    out += "    \"rules\": " + (rules_given ? given(*rules_given) : std::string("null")) + ",\n";
    out += "    \"scores\": " + given_list(request.inputs.score_files);
    out += ",\n    \"options\": ";
    json_list(out, request.options);
    out += ",\n    \"output\": {\"option\": " + json_quote(request.output_option) +
           ", \"path\": " + json_quote(relative_to(request.output_target, statement_dir)) + "},\n";
    out += "    \"input_files\": [";
    std::sort(files.begin(), files.end(), [&](const InputFile& a, const InputFile& b) {
        return relative_to(a.path, call_dir) < relative_to(b.path, call_dir);
    });
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto digest = file_sha256(files[i].path);
        if (!digest) return "--attest: cannot read " + files[i].path;
        out += (i ? ",\n      " : "\n      ");
        out += "{\"path\": " + json_quote(relative_to(files[i].path, call_dir)) +
               ", \"sha256\": " + json_quote(*digest) + ", \"role\": " + json_quote(files[i].role) +
               "}";
    }
    out += files.empty() ? "],\n" : "\n    ],\n";
    out += "    \"seeds\": {";
    if (call.rules.program.lottery_seed)
        out += "\"lottery_seed\": " + json_quote(*call.rules.program.lottery_seed);
    out += "},\n";
    out += "    \"rules_sha256\": " + json_quote(call.rules.sha256) + ",\n";
    out += "    \"proposals_sha256\": " + json_quote(call.proposals_sha256) + "\n";
    out += "  }\n}\n";
    return write_file_atomically(request.statement, out);
}

namespace {

// Runs `argv` (no shell) with standard output and error thrown away, in this environment less
// the variables that would choose other rules or another language than the statement's; its
// exit status.
int run_quietly(const std::vector<std::string>& args, const fs::path& dir,
                const std::string& lang) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<std::string> env_strings{lang == "ko" ? "LC_ALL=ko_KR.UTF-8" : "LC_ALL=C.UTF-8"};
    for (char** e = environ; *e; ++e) {
        std::string_view v = *e;
        if (!v.starts_with("LC_ALL=") && !v.starts_with("LC_MESSAGES=") &&
            !v.starts_with("LANG=") && !v.starts_with("KCITY_RULES="))
            env_strings.emplace_back(v);
    }
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const std::string where = dir.string();
    posix_spawn_file_actions_addchdir_np(&actions, where.c_str());
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> strings_of(const YAML::Node& node) {
    std::vector<std::string> out;
    if (node && node.IsSequence())
        for (const auto& n : node) out.push_back(n.as<std::string>());
    return out;
}

// Whether two paths name the same place (neither needs to exist).
bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(a), ec) == fs::weakly_canonical(fs::absolute(b), ec);
}

}  // namespace

Outcome verify_command(const VerifyOptions& options) {
    // Every message by the catalogue, in the language of --lang or the locale.
    auto say = [&](std::string_view key, const std::vector<Arg>& args) {
        return format_message(key, options.lang, args);
    };
    const std::string& statement = options.statement;
    auto text = read_bytes(statement);
    if (!text) return fail(say("verify.cannot-read", {{"file", statement}}), Failure::input);
    YAML::Node doc;
    try {
        doc = YAML::Load(*text);
        if (!doc.IsMap() || doc["predicateType"].as<std::string>() != attest_predicate_type)
            return fail(say("verify.not-attestation",
                            {{"file", statement}, {"type", std::string(attest_predicate_type)}}),
                        Failure::input);
    } catch (const YAML::Exception&) {
        return fail(say("verify.not-json", {{"file", statement}}), Failure::input);
    }
    Outcome out;
    try {
        const YAML::Node pred = doc["predicate"];
        const fs::path statement_dir = fs::path(options.statement).parent_path().empty()
                                           ? fs::path(".")
                                           : fs::path(options.statement).parent_path();
        const fs::path call =
            options.call ? fs::path(*options.call) : statement_dir / pred["call"].as<std::string>();
        bool ok = true;
        auto bad = [&](const std::string& line) {
            out.messages.push_back("kcity: error: " + line);
            ok = false;
        };
        std::size_t unchanged = 0;
        for (const auto& f : pred["input_files"]) {
            const std::string path = f["path"].as<std::string>();
            auto digest = file_sha256(call / path);
            const std::string role = f["role"].as<std::string>();
            const std::string attested = f["sha256"].as<std::string>();
            if (!digest)
                bad(say("verify.input-missing", {{"path", path}, {"role", role}}));
            else if (*digest != attested)
                bad(say("verify.input-changed", {{"path", path},
                                                 {"role", role},
                                                 {"now", digest->substr(0, 12)},
                                                 {"attested", attested.substr(0, 12)}}));
            else
                ++unchanged;
        }
        // The published files against the statement's subjects: an edited report.
        const std::string output_option = pred["output"]["option"].as<std::string>();
        const fs::path output_target = pred["output"]["path"].as<std::string>();
        for (const auto& s : doc["subject"]) {
            const fs::path path = statement_dir / s["name"].as<std::string>();
            const std::string name = path.lexically_normal().generic_string();
            auto digest = file_sha256(path);
            if (!digest)
                bad(say("verify.output-missing", {{"path", name}}));
            else if (*digest != s["digest"]["sha256"].as<std::string>())
                bad(say("verify.output-edited", {{"path", name}}));
        }
        // The same command again, into a temporary folder, compared with the subjects.
        TempDir tmp("kcity-verify");
        if (tmp.dir().empty()) return fail(say("verify.temp-folder", {}), Failure::output);
        std::vector<std::string> args{options.program, pred["command"].as<std::string>()};
        // From the folder the command was given in, with its paths as given, when they still
        // lead into the call; else from the call directory, with its paths in the call (a
        // call that moved: a report that shows a path may then differ).
        fs::path run_dir = call / pred["working_directory"].as<std::string>();
        std::vector<std::pair<std::string, YAML::Node>> paths;
        for (const auto& i : pred["inputs"]) paths.emplace_back("", i);
        if (pred["rules"] && !pred["rules"].IsNull()) paths.emplace_back("--rules", pred["rules"]);
        for (const auto& sc : pred["scores"]) paths.emplace_back("--scores", sc);
        auto as_given_from = [&](const fs::path& dir) {
            for (const auto& [option, p] : paths)
                if (!same_file(dir / p["given"].as<std::string>(),
                               call / p["path"].as<std::string>()))
                    return false;
            return true;
        };
        bool as_given = as_given_from(run_dir);
        // A call that moved or was renamed: its old name, from a folder of its own, leads to it.
        const fs::path to_call = pred["call_from_working_directory"].as<std::string>();
        if (!as_given && to_call != "." && *to_call.begin() != "..") {
            const fs::path stage = fs::path(tmp.dir()) / "run";
            std::error_code ec;
            fs::create_directories((stage / to_call).parent_path(), ec);
            fs::create_directory_symlink(fs::absolute(call), stage / to_call, ec);
            if (!ec && as_given_from(stage)) {
                run_dir = stage;
                as_given = true;
            }
        }
        if (!as_given) run_dir = call;
        for (const auto& [option, p] : paths) {
            if (!option.empty()) args.push_back(option);
            args.push_back(p[as_given ? "given" : "path"].as<std::string>());
        }
        for (const auto& o : strings_of(pred["options"])) args.push_back(o);
        const fs::path rerun_target = fs::absolute(fs::path(tmp.dir()) / output_target.filename());
        args.push_back(output_option);
        args.push_back(rerun_target.string());
        int status = run_quietly(args, run_dir, pred["environment_lang"].as<std::string>());
        if (status != 0) {
            bad(say("verify.rerun-failed", {{"status", Count{status}}}));
        } else {
            for (const auto& s : doc["subject"]) {
                const fs::path name = s["name"].as<std::string>();
                fs::path again = output_option == "--output"
                                     ? rerun_target
                                     : rerun_target / name.lexically_relative(output_target);
                auto digest = file_sha256(again);
                if (!digest || *digest != s["digest"]["sha256"].as<std::string>())
                    bad(say(
                        "verify.output-differs",
                        {{"path", (statement_dir / name).lexically_normal().generic_string()}}));
            }
        }
        if (!ok) {
            out.failure = Failure::input;
            out.messages.push_back("kcity: error: " +
                                   say("verify.does-not-verify", {{"file", statement}}));
            return out;
        }
        out.output = say("verify.verified", {{"file", statement},
                                             {"inputs", Count{unchanged}},
                                             {"outputs", Count{doc["subject"].size()}},
                                             {"version", std::string(build_version())}}) +
                     "\n";
    } catch (const YAML::Exception&) {
        return fail(say("verify.incomplete", {{"file", statement}}), Failure::input);
    }
    return out;
}

}  // namespace kcity
